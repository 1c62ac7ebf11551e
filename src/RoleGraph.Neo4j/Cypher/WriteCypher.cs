using RoleGraph.Core.Model;

namespace RoleGraph.Neo4j.Cypher;

/// <summary>
/// The statements that change the graph. Each takes a batch of rows (UNWIND), so a write of any size is a few
/// statements, all inside one explicit transaction.
/// </summary>
internal static class WriteCypher
{
    /// <summary>
    /// Takes the graph's write lock: setting a property on the single meta node locks it until the transaction
    /// ends, so writers in every process take turns and each plans against the graph as it commits.
    /// </summary>
    public const string Lock =
        "MERGE (g:RoleGraphMeta {key: $key}) ON CREATE SET g.revision = 0, g.sources = '[]' " +
        "SET g.lockedAt = timestamp() RETURN g.revision AS revision, g.sources AS sources";

    public const string SetMeta = "MATCH (g:RoleGraphMeta {key: $key}) SET g.revision = g.revision + 1, g.sources = $sources";

    public const string DeleteNodes = "UNWIND $ids AS id MATCH (n:Node {id: id}) DETACH DELETE n";

    /// <summary>Creates or updates nodes of one kind; a node re-kinded by a replace import loses its old label.</summary>
    public static string UpsertNodes(NodeKind kind) => UpsertStatements[(int)kind];

    public static string DeleteLinks(RelationKind relation) => DeleteLinkStatements[(int)relation];

    /// <summary>
    /// Creates or updates links of one relation; at most one link of a relation joins two nodes one way. toFloat:
    /// JSON carries 1.0 as 1, which Neo4j would store as an integer.
    /// </summary>
    public static string UpsertLinks(RelationKind relation) => UpsertLinkStatements[(int)relation];

    private static readonly string[] UpsertStatements = Enum.GetValues<NodeKind>()
        .Select(kind =>
            "UNWIND $rows AS row MERGE (n:Node {id: row.id}) " +
            $"SET n:{CypherNames.Label(kind)}, n.kind = row.kind, n.name = row.name, n.description = row.description, " +
            "n.aliases = row.aliases, n.properties = row.properties, n.searchText = row.searchText, n.searchOverflow = row.searchOverflow, n.searchOverflowed = row.searchOverflowed " +
            $"REMOVE n:{string.Join(':', Enum.GetValues<NodeKind>().Where(other => other != kind).Select(CypherNames.Label))}")
        .ToArray();

    private static readonly string[] DeleteLinkStatements = Enum.GetValues<RelationKind>()
        .Select(relation =>
            $"UNWIND $keys AS key MATCH (:Node {{id: key.fromId}})-[r:{CypherNames.Type(relation)}]->(:Node {{id: key.toId}}) DELETE r")
        .ToArray();

    private static readonly string[] UpsertLinkStatements = Enum.GetValues<RelationKind>()
        .Select(relation =>
            "UNWIND $rows AS row MATCH (a:Node {id: row.fromId}) MATCH (b:Node {id: row.toId}) " +
            $"MERGE (a)-[r:{CypherNames.Type(relation)}]->(b) SET r.importance = toFloat(row.importance), r.level = toFloat(row.level)")
        .ToArray();

    internal static IEnumerable<CatalogEntry> Catalog()
    {
        yield return new("write lock", Lock);
        yield return new("set revision and sources", SetMeta);
        yield return new("delete nodes", DeleteNodes);
        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            yield return new($"upsert {kind} nodes", UpsertNodes(kind));
        }

        foreach (var relation in Enum.GetValues<RelationKind>())
        {
            yield return new($"delete {relation} links", DeleteLinks(relation));
            yield return new($"upsert {relation} links", UpsertLinks(relation));
        }
    }
}
