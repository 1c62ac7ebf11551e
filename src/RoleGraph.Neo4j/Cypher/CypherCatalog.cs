namespace RoleGraph.Neo4j.Cypher;

/// <summary>
/// Every statement the Neo4j store can send, with the labels, relationship types and property keys they use, so
/// tests can put each one through Neo4j's own Cypher front end.
/// </summary>
public static class CypherCatalog
{
    public static IReadOnlyList<CatalogEntry> All { get; } =
    [
        new("ping", "RETURN 1 AS ok"),
        new("nodes by id", "UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n.name AS name"),
    ];

    public static IReadOnlyList<string> Labels { get; } = ["Node", "Role", "Skill", "Tool", "Responsibility", "Category"];

    public static IReadOnlyList<string> RelationshipTypes { get; } = ["REQUIRES", "USES", "RESPONSIBLE_FOR", "SUPPORTS", "IN_CATEGORY", "SUBCATEGORY_OF", "RELATED_TO"];

    public static IReadOnlyList<string> PropertyKeys { get; } = ["id", "kind", "name", "description", "aliases", "properties", "importance", "level"];
}
