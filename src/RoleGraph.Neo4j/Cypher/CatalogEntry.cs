namespace RoleGraph.Neo4j.Cypher;

/// <summary>A named Cypher statement the store sends; the name says what it is for in lint reports.</summary>
public sealed record CatalogEntry(string Name, string Text);
