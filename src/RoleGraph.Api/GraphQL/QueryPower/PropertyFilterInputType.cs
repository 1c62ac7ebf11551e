using GraphQL.Types;
using RoleGraph.Api.GraphQL.Paging;
using RoleGraph.Core.Queries;
using static RoleGraph.Api.GraphQL.QueryPower.InputValues;

namespace RoleGraph.Api.GraphQL.QueryPower;

internal sealed class PropertyFilterInputType : InputObjectGraphType<PropertyFilter>
{
    public PropertyFilterInputType()
    {
        Name = "PropertyFilterInput";
        Description = "Conditions on one property of a node: its key and its value, case-insensitively. Both must hold when given.";
        Field<StringOperationFilterInputType>("key").Description("Conditions on the key, e.g. { eq: \"jobZone\" }.");
        Field<StringOperationFilterInputType>("value").Description("Conditions on the value.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new PropertyFilter
    {
        Key = Get(value, "key") as StringFilter,
        Value = Get(value, "value") as StringFilter,
    };
}
