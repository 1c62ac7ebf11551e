namespace RoleGraph.Api.Http;

/// <summary>HTTP caching of read answers and automatic persisted queries (section RoleGraph:Http).</summary>
internal sealed class HttpCachingOptions
{
    public const string SectionName = "RoleGraph:Http";

    /// <summary>
    /// Whether successful GET queries answer with an ETag (the graph's revision and the request) and honour
    /// If-None-Match with 304. On Neo4j each such GET reads the revision first (one small extra read).
    /// </summary>
    public bool ETags { get; set; } = true;

    /// <summary>
    /// Cache-Control of successful GET queries. The default, no-cache, lets browsers and proxies keep the answer but
    /// makes them revalidate it every time: a 304 without a body until a write changes the graph, never a stale answer.
    /// Empty sends none.
    /// </summary>
    public string CacheControl { get; set; } = "no-cache";

    /// <summary>Whether Apollo's automatic persisted queries (extensions.persistedQuery) are accepted.</summary>
    public bool PersistedQueries { get; set; } = true;

    /// <summary>Persisted queries kept in memory; the least recently used go first. At least 2.</summary>
    public int MaxPersistedQueries { get; set; } = 1_000;
}
