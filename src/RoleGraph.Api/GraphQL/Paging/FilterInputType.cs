using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.Paging;

internal sealed class FilterInputType<TNodeType> : InputObjectGraphType<NodeFilter>
    where TNodeType : NodeGraphType, IListedNodeType
{
    public FilterInputType()
    {
        Name = $"{TNodeType.TypeName}FilterInput";
        Description = $"Filters {TNodeType.ListName.ToLowerInvariant()} by id and name; and/or combine filters.";
        Field<ListGraphType<NonNullGraphType<FilterInputType<TNodeType>>>>("and").Description("Every filter must hold.");
        Field<ListGraphType<NonNullGraphType<FilterInputType<TNodeType>>>>("or").Description("At least one filter must hold.");
        Field<StringOperationFilterInputType>("id").Description("Conditions on the id.");
        Field<StringOperationFilterInputType>("name").Description("Conditions on the name.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new NodeFilter
    {
        Id = Get(value, "id") as StringFilter,
        Name = Get(value, "name") as StringFilter,
        And = (Get(value, "and") as IEnumerable<object?>)?.OfType<NodeFilter>().ToArray(),
        Or = (Get(value, "or") as IEnumerable<object?>)?.OfType<NodeFilter>().ToArray(),
    };

    private static object? Get(IDictionary<string, object?> value, string key) => value.TryGetValue(key, out var v) ? v : null;
}
