using GraphQL.Types;
using RoleGraph.Core.Queries;
using static RoleGraph.Api.GraphQL.QueryPower.InputValues;

namespace RoleGraph.Api.GraphQL.QueryPower;

internal sealed class PropertyListFilterInputType : InputObjectGraphType<PropertyListFilter>
{
    public PropertyListFilterInputType()
    {
        Name = "PropertyListFilterInput";
        Description = "Conditions on a node's properties, as a list of key/value pairs. Every one given must hold.";
        Field<PropertyFilterInputType>("some").Description("At least one property matches.");
        Field<PropertyFilterInputType>("all").Description("Every property matches (true without properties).");
        Field<PropertyFilterInputType>("none").Description("No property matches.");
        Field<BooleanGraphType>("any").Description("true: the node has properties; false: it has none.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new PropertyListFilter
    {
        Some = Get(value, "some") as PropertyFilter,
        All = Get(value, "all") as PropertyFilter,
        None = Get(value, "none") as PropertyFilter,
        Any = Get(value, "any") as bool?,
    };
}
