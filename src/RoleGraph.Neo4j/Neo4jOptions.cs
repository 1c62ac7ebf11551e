using RoleGraph.Neo4j.Client;

namespace RoleGraph.Neo4j;

/// <summary>
/// Where Neo4j is and how to reach it; bound from the "Neo4j" configuration section (environment variables
/// Neo4j__Uri, Neo4j__User, Neo4j__Password, Neo4j__Database, Neo4j__Api override it).
/// </summary>
public sealed class Neo4jOptions
{
    public const string SectionName = "Neo4j";

    /// <summary>The HTTP endpoint of the server (the browser port, or Aura's https://xxx.databases.neo4j.io), not the Bolt one.</summary>
    public Uri Uri { get; set; } = new("http://localhost:7474");

    public string User { get; set; } = "neo4j";

    public string Password { get; set; } = "";

    public string Database { get; set; } = "neo4j";

    /// <summary>
    /// Which of Neo4j's HTTP interfaces to speak: the Query API (5.25 and later, Aura) or the transactional HTTP API
    /// (deprecated since 5.26, absent on Aura; for 5.x servers before 5.25).
    /// </summary>
    public Neo4jApi Api { get; set; } = Neo4jApi.Query;

    /// <summary>How long one HTTP request may take before it counts as a connection failure (and is retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a write waits for the graph's write lock, which another write may hold for as long as it runs (an
    /// import): waiting longer than this answers that the graph is busy, never that Neo4j is down.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one request inside a write transaction (a batch of an import, the commit) may take. Running out of
    /// it is not retried: the same statement would be as slow again, and the whole transaction would start over.
    /// </summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries after the first attempt for transient errors and connection failures.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
