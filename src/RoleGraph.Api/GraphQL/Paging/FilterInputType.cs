using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Api.GraphQL.QueryPower;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.Paging;

internal sealed class FilterInputType<TNodeType> : InputObjectGraphType<NodeFilter>
    where TNodeType : NodeGraphType, IListedNodeType
{
    public FilterInputType()
    {
        Name = $"{TNodeType.TypeName}FilterInput";
        Description = $"Filters {TNodeType.ListName.ToLowerInvariant()} by id, name, properties and links (some/all/none/any, as Hot Chocolate's "
            + "list filters); every condition given must hold; and/or/not combine filters.";
        Field<ListGraphType<NonNullGraphType<FilterInputType<TNodeType>>>>("and").Description("Every filter must hold.");
        Field<ListGraphType<NonNullGraphType<FilterInputType<TNodeType>>>>("or").Description("At least one filter must hold.");
        Field<FilterInputType<TNodeType>>("not").Description("The filter must not hold.");
        Field<StringOperationFilterInputType>("id").Description("Conditions on the id.");
        Field<StringOperationFilterInputType>("name").Description("Conditions on the name.");
        Field<PropertyListFilterInputType>("properties").Description("Conditions on the properties, e.g. { some: { key: { eq: \"jobZone\" }, value: { eq: \"4\" } } }.");
        foreach (var link in LinkFields.Of(TNodeType.Kind))
        {
            Field<RelationFilterInputType>(link.Name).Description($"Conditions on {link.Description}.");
        }
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var links = LinkFields.Of(TNodeType.Kind)
            .Where(l => Get(value, l.Name) is RelationFilter)
            .Select(l => new RelationCondition(l.Relation, l.Direction, l.FarKind, (RelationFilter)Get(value, l.Name)!))
            .ToArray();
        return new NodeFilter
        {
            Id = Get(value, "id") as StringFilter,
            Name = Get(value, "name") as StringFilter,
            Properties = Get(value, "properties") as PropertyListFilter,
            Links = links.Length == 0 ? null : links,
            And = (Get(value, "and") as IEnumerable<object?>)?.OfType<NodeFilter>().ToArray(),
            Or = (Get(value, "or") as IEnumerable<object?>)?.OfType<NodeFilter>().ToArray(),
            Not = Get(value, "not") as NodeFilter,
        };
    }

    private static object? Get(IDictionary<string, object?> value, string key) => value.TryGetValue(key, out var v) ? v : null;
}
