using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Mutations;

internal sealed class PropertyInputType : InputObjectGraphType<KeyValuePair<string, string>>
{
    public PropertyInputType()
    {
        Name = "PropertyInput";
        Description = "A fact about a node: a key and a text value. The last of several with the same key wins.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The property's name.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("The property's value.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => KeyValuePair.Create((string)value["key"]!, (string)value["value"]!);
}
