using System.Collections.Frozen;
using System.Diagnostics;
using RoleGraph.Neo4j.Cypher;

namespace RoleGraph.Neo4j.Client;

/// <summary>
/// The client's spans: one client span per HTTP request to Neo4j, named by what it carries: the statements' names in
/// the Cypher catalogue (never their text's values or parameters: every value travels as a parameter) or the
/// transaction step (BEGIN, COMMIT, ROLLBACK). Tags follow OpenTelemetry's database conventions: db.system.name (and
/// the older db.system) neo4j, db.namespace, db.operation.name, db.query.summary, db.operation.batch.size,
/// server.address and server.port. Nothing is built while no one listens to <see cref="SourceName"/>.
/// </summary>
public static class Neo4jTelemetry
{
    /// <summary>The ActivitySource a tracer subscribes to for these spans.</summary>
    public const string SourceName = "RoleGraph.Neo4j";

    internal const string Begin = "BEGIN";
    internal const string Commit = "COMMIT";
    internal const string Rollback = "ROLLBACK";

    /// <summary>A statement outside the catalogue (a probe such as RETURN 1): named as such, its text is not shown.</summary>
    internal const string Uncatalogued = "uncatalogued statement";

    internal static readonly ActivitySource Source = new(SourceName, typeof(Neo4jTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Lazy<FrozenDictionary<string, string>> Names = new(() => CypherCatalog.All
        .DistinctBy(entry => entry.Text, StringComparer.Ordinal)
        .ToFrozenDictionary(entry => entry.Text, entry => entry.Name, StringComparer.Ordinal));

    /// <summary>The catalogue's name of a statement's text.</summary>
    internal static string NameOf(string text) => Names.Value.TryGetValue(text, out var name) ? name : Uncatalogued;

    /// <summary>A span for one request carrying <paramref name="statements"/>, or for a transaction <paramref name="step"/> when there are none.</summary>
    internal static Activity? Start(IReadOnlyList<CypherStatement>? statements, string step, string database, Uri server)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        string operation;
        string summary;
        if (statements is { Count: > 0 })
        {
            var names = statements.Select(s => NameOf(s.Text)).ToList();
            var distinct = names.Distinct(StringComparer.Ordinal).ToList();
            summary = string.Join("; ", names);
            operation = names.Count == 1 ? names[0] : distinct.Count == 1 ? "BATCH " + distinct[0] : "BATCH";
        }
        else
        {
            operation = summary = step;
        }

        var activity = Source.StartActivity(summary, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("db.system.name", "neo4j");
        activity.SetTag("db.system", "neo4j");
        activity.SetTag("db.namespace", database);
        activity.SetTag("db.operation.name", operation);
        activity.SetTag("db.query.summary", summary);
        if (statements is { Count: > 1 })
        {
            activity.SetTag("db.operation.batch.size", statements.Count);
        }

        activity.SetTag("server.address", server.Host);
        activity.SetTag("server.port", server.Port);
        return activity;
    }

    /// <summary>Marks the span failed with Neo4j's error code (or the exception's type), as the conventions' error.type.</summary>
    internal static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        var type = exception is Neo4jException { Code: { Length: > 0 } code } ? code : exception.GetType().FullName;
        activity.SetTag("error.type", type);
        activity.SetStatus(ActivityStatusCode.Error, type);
    }
}
