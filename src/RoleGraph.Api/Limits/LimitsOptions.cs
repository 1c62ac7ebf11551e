namespace RoleGraph.Api.Limits;

/// <summary>
/// What one request may ask (section RoleGraph:Limits). The defaults are at least as strict as graphql-armor's
/// and Hot Chocolate's; introspection (the IDE's schema query) is exempt from depth and cost.
/// </summary>
internal sealed class LimitsOptions
{
    public const string SectionName = "RoleGraph:Limits";

    /// <summary>Nesting of fields in an operation (fragments expanded).</summary>
    public int MaxDepth { get; set; } = 6;

    /// <summary>Estimated cost: every field 1, list fields times their `first`/`last` (5 when not given).</summary>
    public int MaxComplexity { get; set; } = 5000;

    /// <summary>Aliased fields in a document (alias bombs).</summary>
    public int MaxAliases { get; set; } = 15;

    /// <summary>Directives in a document.</summary>
    public int MaxDirectives { get; set; } = 50;

    /// <summary>Lexical tokens in a document, counted before it is parsed.</summary>
    public int MaxTokens { get; set; } = 1000;

    /// <summary>Bytes of a POST body. Larger taxonomies go through the import verb.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 << 20;

    /// <summary>How long an operation may run.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether clients may introspect the schema (the IDE needs it).</summary>
    public bool AllowIntrospection { get; set; } = true;

    /// <summary>Requests per second each client (API key, else address) may make on average…</summary>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>…and in one burst.</summary>
    public int RequestBurst { get; set; } = 200;
}
