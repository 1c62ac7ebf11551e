using RoleGraph.Core.Model;

namespace RoleGraph.Neo4j.Cypher;

/// <summary>
/// The schema the store needs, each statement idempotent (IF NOT EXISTS) so every start can run them all.
/// </summary>
internal static class SchemaCypher
{
    public static IReadOnlyList<string> Setup { get; } =
    [
        "CREATE CONSTRAINT node_id_unique IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT graph_meta_key_unique IF NOT EXISTS FOR (g:RoleGraphMeta) REQUIRE g.key IS UNIQUE",

        // Lists sort and filter one kind by name.
        .. Enum.GetValues<NodeKind>().Select(kind =>
            $"CREATE INDEX {kind.ToString().ToLowerInvariant()}_name_lower IF NOT EXISTS FOR (n:{CypherNames.Label(kind)}) ON (n.nameLower)"),

        // search matches substrings of lower-cased names and aliases, which a TEXT index serves (CONTAINS). A
        // full-text (Lucene) index tokenizes and cannot find "earn" in "machine learning", so it would answer
        // differently from the embedded store.
        "CREATE TEXT INDEX node_search_text IF NOT EXISTS FOR (n:Node) ON (n.searchText)",
    ];

    /// <summary>Waits until the indexes are online, so the first queries after setup already use them.</summary>
    public const string AwaitIndexes = "CALL db.awaitIndexes($timeoutSeconds)";
}
