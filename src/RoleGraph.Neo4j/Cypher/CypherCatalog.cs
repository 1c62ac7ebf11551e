namespace RoleGraph.Neo4j.Cypher;

/// <summary>
/// Every statement the Neo4j store can send, with the labels, relationship types and property keys they use, so
/// tests can put each one through Neo4j's own Cypher front end.
/// </summary>
internal static class CypherCatalog
{
    public static IReadOnlyList<CatalogEntry> All { get; } =
    [
        .. SchemaCypher.Setup.Select((text, i) => new CatalogEntry($"schema {i + 1}", text)),
        new("await indexes", SchemaCypher.AwaitIndexes),
        .. ReadCypher.Catalog(),
        .. WriteCypher.Catalog(),
    ];

    public static IReadOnlyList<string> Labels { get; } = [CypherNames.NodeLabel, CypherNames.MetaLabel, .. CypherNames.KindLabels];

    public static IReadOnlyList<string> RelationshipTypes => CypherNames.Types;

    public static IReadOnlyList<string> PropertyKeys => CypherNames.PropertyKeys;
}
