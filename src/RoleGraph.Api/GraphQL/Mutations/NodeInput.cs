namespace RoleGraph.Api.GraphQL.Mutations;

/// <summary>A node as a mutation gives it; the kind comes from the mutation.</summary>
internal sealed record NodeInput(string Id, string Name, string? Description, IReadOnlyList<string> Aliases, IReadOnlyDictionary<string, string> Properties);
