using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Neo4j.Hosting;

namespace RoleGraph.Tests.Operations;

/// <summary>
/// Traces and metrics of real requests, through the OpenTelemetry SDK into its in-memory exporter: the HTTP server
/// span, GraphQL.NET's operation span (name, type, document hash; never the document or variables) and the store's span
/// in one trace, and the points of rolegraph.* instruments. The SDK listens to sources and meters by name across the
/// process, so these tests run alone (<see cref="TelemetryRunsAlone"/>): another test's host would add to the counts.
/// </summary>
[Collection(TelemetryRunsAlone.Name)]
public sealed class TelemetryTests
{
    private const string Query = "query RoleName($id: ID!) { role(id: $id) { name } }";

    [Fact]
    public async Task A_query_is_one_trace_of_http_graphql_and_store_spans_without_its_text_or_variables()
    {
        var exported = new LockedList<Activity>();
        using var app = Instrumented(exported, []);

        await app.GraphQL().QueryAsync(Query, new { id = "data-scientist" });
        // The server's span ends once the response is complete, which may be just after the client has read it.
        var spans = await SpansAsync(app, exported, s => s.Kind == ActivityKind.Server);

        var graphql = Assert.Single(spans, s => s.Source.Name == "GraphQL");
        Assert.Equal("RoleName", graphql.GetTagItem("graphql.operation.name"));
        Assert.Equal("query", graphql.GetTagItem("graphql.operation.type"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Query))), graphql.GetTagItem("graphql.document.hash"));
        Assert.Null(graphql.GetTagItem("graphql.document"));

        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal("POST", server.GetTagItem("http.request.method"));
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));

        var store = spans.Where(s => s.Source.Name == "RoleGraph").ToList();
        Assert.NotEmpty(store);
        Assert.All(store, s => Assert.Equal("embedded", s.GetTagItem("rolegraph.store.kind")));
        Assert.All(spans, s => Assert.Equal(server.TraceId, s.TraceId));
        Assert.Equal(server.SpanId, graphql.ParentSpanId);
        Assert.All(store, s => Assert.Equal(graphql.SpanId, s.ParentSpanId));

        // Neither the variables' values nor the document's text are in any tag.
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains("data-scientist", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains("role(id", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task On_Neo4j_each_request_is_a_client_span_named_by_the_catalogue_under_the_store_span_without_parameters()
    {
        const string probe = "telemetry-probe-skill";
        await using var neo4j = await FakeNeo4jServer.StartAsync(TestContext.Current.CancellationToken);
        var exported = new LockedList<Activity>();
        using var app = Instrumented(exported, [], new()
        {
            ["RoleGraph:Store"] = "Neo4j",
            ["Neo4j:Uri"] = neo4j.Uri.ToString(),
            ["Neo4j:Api"] = "Http", // the fake speaks the transactional HTTP API
            ["Neo4j:User"] = "neo4j",
            ["Neo4j:Password"] = "test-password",
            ["Neo4j:MaxRetries"] = "0",
        });

        await app.GraphQL().QueryAsync($$"""mutation AddProbe { upsertSkill(input: { id: "{{probe}}", name: "Probe" }) { id } }""");
        var all = await SpansAsync(app, exported, s => s.Source.Name == "GraphQL" && Equals(s.GetTagItem("graphql.operation.name"), "AddProbe"));
        var trace = all.Single(s => s.Source.Name == "GraphQL" && Equals(s.GetTagItem("graphql.operation.name"), "AddProbe")).TraceId;
        var spans = all.Where(s => s.TraceId == trace).ToList();

        var neo4jSpans = spans.Where(s => s.Source.Name == "RoleGraph.Neo4j").ToList();
        // The write as the store sends it over the HTTP API: a transaction that takes the graph's lock, writes the
        // node and the revision, and commits.
        var names = neo4jSpans.Select(s => s.DisplayName).ToList();
        Assert.Contains("BEGIN", names);
        Assert.Contains("write lock", names);
        Assert.Contains("upsert Skill nodes", names);
        Assert.Contains("set revision and sources", names);
        Assert.Contains("COMMIT", names);
        Assert.True(names.IndexOf("BEGIN") < names.IndexOf("write lock") && names.IndexOf("write lock") < names.IndexOf("COMMIT"), string.Join(", ", names));

        var store = spans.Where(s => s.Source.Name == "RoleGraph").Select(s => s.SpanId).ToHashSet();
        Assert.All(neo4jSpans, span =>
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("neo4j", span.GetTagItem("db.system.name"));
            Assert.Equal("neo4j", span.GetTagItem("db.system"));
            Assert.Equal("neo4j", span.GetTagItem("db.namespace"));
            Assert.Equal(span.DisplayName, span.GetTagItem("db.query.summary"));
            Assert.Equal(neo4j.Uri.Port, span.GetTagItem("server.port"));
            Assert.Contains(span.ParentSpanId, store); // under the store call that sent it
            // ...and above the HTTP request that carried it.
            Assert.Contains(spans, http => http.Kind == ActivityKind.Client && http.Source.Name != "RoleGraph.Neo4j" && http.ParentSpanId == span.SpanId);
        });
        Assert.Equal("write lock", neo4jSpans.Single(s => s.DisplayName == "write lock").GetTagItem("db.operation.name"));
        Assert.Equal("COMMIT", neo4jSpans.Single(s => s.DisplayName == "COMMIT").GetTagItem("db.operation.name"));

        // The statements went out with the id as a parameter; no span repeats it, nor any statement's text.
        Assert.Contains(neo4j.Statements, s => s.Parameters.ToJsonString().Contains(probe, StringComparison.Ordinal));
        Assert.DoesNotContain(neo4jSpans.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains(probe, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(neo4jSpans.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains("MERGE", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Requests_and_writes_are_measured_by_operation_outcome_and_kind()
    {
        var exported = new LockedList<Metric>();
        using var app = Instrumented(new LockedList<Activity>(), exported);
        var client = app.GraphQL();

        await client.QueryAsync(Query, new { id = "data-scientist" });
        await client.QueryAsync(Query, new { id = "machine-learning-engineer" });
        await client.QueryAsync("""mutation AddSql { upsertSkill(input: { id: "sql", name: "SQL" }) { id } }""");
        var unknown = await client.PostAsync("""{ overlap(roleIds: ["data-scientist", "astronaut"]) { jaccard } }""");
        Assert.Equal("BAD_USER_INPUT", unknown.SingleErrorCode());
        var deep = await client.PostAsync("{ role(id: \"data-scientist\") { skills { skill { roles { role { skills { skill { id } } } } } } } }");
        Assert.Equal("MAX_DEPTH_EXCEEDED", deep.SingleErrorCode());
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var metrics = exported.Snapshot();

        var operations = Points(metrics, "rolegraph.graphql.operation.duration");
        Assert.Equal(2, HistogramCount(operations, ("graphql.operation.name", "RoleName"), ("rolegraph.outcome", "OK"), ("graphql.operation.type", "query")));
        Assert.Equal(1, HistogramCount(operations, ("graphql.operation.name", "AddSql"), ("rolegraph.outcome", "OK"), ("graphql.operation.type", "mutation")));
        Assert.Equal(1, HistogramCount(operations, ("graphql.operation.name", "(anonymous)"), ("rolegraph.outcome", "BAD_USER_INPUT")));
        Assert.Equal(1, HistogramCount(operations, ("rolegraph.outcome", "MAX_DEPTH_EXCEEDED")));

        var refusals = Points(metrics, "rolegraph.refusals");
        Assert.Equal(1, Sum(refusals, ("error.code", "MAX_DEPTH_EXCEEDED")));

        Assert.Equal(1, Sum(Points(metrics, "rolegraph.store.writes"), ("rolegraph.store.kind", "embedded")));
        Assert.Equal(1, Sum(Points(metrics, "rolegraph.store.items.changed"), ("rolegraph.item", "node"), ("rolegraph.change", "created")));
        Assert.True(HistogramCount(Points(metrics, "rolegraph.store.operation.duration"), ("rolegraph.store.operation", "write"), ("rolegraph.outcome", "OK")) >= 1);
        Assert.True(HistogramCount(Points(metrics, "http.server.request.duration")) >= 5);
    }

    [Fact]
    public async Task With_traces_always_off_requests_are_measured_without_a_tracer_provider()
    {
        var exported = new LockedList<Metric>();
        var spans = new LockedList<Activity>();
        using var app = Instrumented(spans, exported, new() { ["OTEL_TRACES_SAMPLER"] = "always_off" });
        await app.GraphQL().QueryAsync(Query, new { id = "data-scientist" });
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        // No tracer provider: ASP.NET Core then makes no activity per request (one would be made, unrecorded, for
        // propagation alone if a provider listened with an always-off sampler).
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Empty(spans.Snapshot());
        Assert.Equal(1, HistogramCount(Points(exported.Snapshot(), "rolegraph.graphql.operation.duration"), ("graphql.operation.name", "RoleName")));
        Assert.True(HistogramCount(Points(exported.Snapshot(), "http.server.request.duration")) >= 1);
    }

    [Fact]
    public async Task The_prometheus_endpoint_serves_the_metrics_when_switched_on()
    {
        using var app = new RoleGraphApiFactory();
        app.Settings["RoleGraph:Telemetry:PrometheusEndpoint"] = "true";
        await app.GraphQL().QueryAsync(Query, new { id = "data-scientist" });

        var text = await app.CreateClient().GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("rolegraph_graphql_operation_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("graphql_operation_name=\"RoleName\"", text, StringComparison.Ordinal);
    }

    private static async Task<Activity[]> SpansAsync(RoleGraphApiFactory app, LockedList<Activity> exported, Func<Activity, bool> last)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            app.Services.GetRequiredService<TracerProvider>().ForceFlush();
            var spans = exported.Snapshot();
            if (spans.Any(last) || deadline.Elapsed > SubscriptionServer.Patience)
            {
                return spans;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static RoleGraphApiFactory Instrumented(ICollection<Activity> spans, ICollection<Metric> metrics, Dictionary<string, string?>? settings = null)
    {
        var factory = new RoleGraphApiFactory
        {
            Settings = { ["RoleGraph:Telemetry:Enabled"] = "true" },
            TestServices = services => services
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))
                .ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics)),
        };
        foreach (var (key, value) in settings ?? [])
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    private static List<(MetricPoint Point, Dictionary<string, object?> Tags, MetricType Type)> Points(Metric[] metrics, string name)
    {
        var points = new List<(MetricPoint, Dictionary<string, object?>, MetricType)>();
        foreach (var metric in metrics.Where(m => m.Name == name).Distinct())
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                points.Add((point, tags, metric.MetricType));
            }
        }

        Assert.True(points.Count > 0, $"No points of {name}.");
        return points;
    }

    private static long HistogramCount(List<(MetricPoint Point, Dictionary<string, object?> Tags, MetricType Type)> points, params (string Key, string Value)[] tags) =>
        points.Where(p => tags.All(t => Equals(p.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(p => p.Point.GetHistogramCount());

    private static long Sum(List<(MetricPoint Point, Dictionary<string, object?> Tags, MetricType Type)> points, params (string Key, string Value)[] tags) =>
        points.Where(p => tags.All(t => Equals(p.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(p => p.Point.GetSumLong());
}
