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

        // Earlier versions indexed a lower-cased name per kind for lists, but no statement ever read it: a list
        // page needs its total count, substring filters on id and name and offset cursors from either end, so it
        // reads the ids and names of the whole kind whatever the index (see ReadCypher.NamesOfKind). An index no
        // query reads only costs every write, so databases that have them lose them.
        .. Enum.GetValues<NodeKind>().Select(kind => $"DROP INDEX {kind.ToString().ToLowerInvariant()}_name_lower IF EXISTS"),

        // search matches substrings of lower-cased names and aliases, which a TEXT index serves (CONTAINS). A
        // full-text (Lucene) index tokenizes and cannot find "earn" in "machine learning", so it would answer
        // differently from the embedded store.
        "CREATE TEXT INDEX node_search_text IF NOT EXISTS FOR (n:Node) ON (n.searchText)",

        // The rare node whose names do not fit one text-index value keeps the rest unindexed and is flagged; this
        // index finds those few nodes (a range index holds only nodes that have the property), so search need not
        // scan the rest. The flag, not the overflow itself: a range-index key holds only about 8 KB.
        "CREATE INDEX node_search_overflowed IF NOT EXISTS FOR (n:Node) ON (n.searchOverflowed)",
    ];

    /// <summary>Waits until the indexes are online, so the first queries after setup already use them.</summary>
    public const string AwaitIndexes = "CALL db.awaitIndexes($timeoutSeconds)";
}
