using GraphQL.Types;
using RoleGraph.Api.GraphQL.Paging;
using RoleGraph.Core.Queries;
using static RoleGraph.Api.GraphQL.QueryPower.InputValues;

namespace RoleGraph.Api.GraphQL.QueryPower;

internal sealed class LinkFilterInputType : InputObjectGraphType<LinkFilter>
{
    public LinkFilterInputType()
    {
        Name = "LinkFilterInput";
        Description = "Conditions on one link and the node at its far end: the node's id and name (case-insensitive) and the link's "
            + "importance and level (as @neo4j/graphql's edge filters). Every condition given must hold; and/or/not combine them.";
        Field<ListGraphType<NonNullGraphType<LinkFilterInputType>>>("and").Description("Every filter must hold.");
        Field<ListGraphType<NonNullGraphType<LinkFilterInputType>>>("or").Description("At least one filter must hold.");
        Field<LinkFilterInputType>("not").Description("The filter must not hold.");
        Field<StringOperationFilterInputType>("id").Description("Conditions on the far node's id.");
        Field<StringOperationFilterInputType>("name").Description("Conditions on the far node's name.");
        Field<FloatOperationFilterInputType>("importance").Description("Conditions on the link's importance (0..1).");
        Field<FloatOperationFilterInputType>("level").Description("Conditions on the link's level (0..1).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new LinkFilter
    {
        Id = Get(value, "id") as StringFilter,
        Name = Get(value, "name") as StringFilter,
        Importance = Get(value, "importance") as NumberFilter,
        Level = Get(value, "level") as NumberFilter,
        And = List<LinkFilter>(value, "and"),
        Or = List<LinkFilter>(value, "or"),
        Not = Get(value, "not") as LinkFilter,
    };
}
