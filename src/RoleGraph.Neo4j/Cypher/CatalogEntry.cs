namespace RoleGraph.Neo4j.Cypher;

/// <summary>A named Cypher statement the store sends; the name says what it is for in lint reports.</summary>
internal sealed record CatalogEntry(string Name, string Text);
