using GraphQL.Types;
using RoleGraph.Core.Queries;
using static RoleGraph.Api.GraphQL.QueryPower.InputValues;

namespace RoleGraph.Api.GraphQL.QueryPower;

internal sealed class RelationFilterInputType : InputObjectGraphType<RelationFilter>
{
    public RelationFilterInputType()
    {
        Name = "RelationFilterInput";
        Description = "Conditions on a node's list of links of one relation, as Hot Chocolate's list filters. Every one given must hold.";
        Field<LinkFilterInputType>("some").Description("At least one link matches.");
        Field<LinkFilterInputType>("all").Description("Every link matches (true for an empty list).");
        Field<LinkFilterInputType>("none").Description("No link matches.");
        Field<BooleanGraphType>("any").Description("true: the list is not empty; false: it is empty.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new RelationFilter
    {
        Some = Get(value, "some") as LinkFilter,
        All = Get(value, "all") as LinkFilter,
        None = Get(value, "none") as LinkFilter,
        Any = Get(value, "any") as bool?,
    };
}
