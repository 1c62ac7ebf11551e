using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Mutations;

internal sealed class NodeInputType : InputObjectGraphType<NodeInput>
{
    public NodeInputType()
    {
        Name = "NodeInput";
        Description = "A node to create or update. Every field is written as given: omitted aliases and properties become empty.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The id: a slug (lower-case letters and digits, single dashes between), unique across all kinds.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The display name.");
        Field<StringGraphType>("description").Description("A longer description.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Other names the node is known by.");
        Field<ListGraphType<NonNullGraphType<PropertyInputType>>>("properties").Description("Further facts; `primaryFocus` is served as Role.primaryFocus.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new NodeInput(
        (string)value["id"]!,
        (string)value["name"]!,
        value.TryGetValue("description", out var description) ? description as string : null,
        (value.TryGetValue("aliases", out var aliases) ? aliases as IEnumerable<object?> : null)?.OfType<string>().ToArray() ?? [],
        ((value.TryGetValue("properties", out var properties) ? properties as IEnumerable<object?> : null)?.OfType<KeyValuePair<string, string>>() ?? [])
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));
}
