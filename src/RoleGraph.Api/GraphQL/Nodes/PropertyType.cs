using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Nodes;

internal sealed class PropertyType : ObjectGraphType<KeyValuePair<string, string>>
{
    public PropertyType()
    {
        Name = "Property";
        Description = "A fact a taxonomy records about a node beyond the common fields (e.g. primaryFocus, an O*NET-SOC code).";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The property's name.").PlainAccessor(p => p.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Description("The property's value.").PlainAccessor(p => p.Value);
    }
}
