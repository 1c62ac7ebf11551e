namespace RoleGraph.Neo4j.Client;

/// <summary>
/// One Cypher statement and its parameters. The text is always one of the store's fixed statements; every value,
/// user text included, travels in <see cref="Parameters"/>.
/// </summary>
public sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    public CypherStatement(string text)
        : this(text, new Dictionary<string, object?>())
    {
    }
}
