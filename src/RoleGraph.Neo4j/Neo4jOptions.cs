namespace RoleGraph.Neo4j;

/// <summary>
/// Where Neo4j is and how to reach it; bound from the "Neo4j" configuration section (environment variables
/// Neo4j__Uri, Neo4j__User, Neo4j__Password, Neo4j__Database override it).
/// </summary>
public sealed class Neo4jOptions
{
    public const string SectionName = "Neo4j";

    /// <summary>The HTTP endpoint of the server (the browser port), not the Bolt one.</summary>
    public Uri Uri { get; set; } = new("http://localhost:7474");

    public string User { get; set; } = "neo4j";

    public string Password { get; set; } = "";

    public string Database { get; set; } = "neo4j";

    /// <summary>How long one HTTP request may take before it counts as a connection failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for transient errors and connection failures.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
