using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Cypher;
using RoleGraph.Neo4j.Store;
using RoleGraph.Tests.Contract.Emulated;

namespace RoleGraph.Tests.Neo4j.Client;

/// <summary>
/// The client's spans on both of Neo4j's HTTP interfaces, against the emulated server: one per request, named by the
/// catalogue (or the transaction step), batches marked as such, never a statement's text or parameters. Only spans
/// under this test's own root are looked at: other tests in the process use the client at the same time.
/// </summary>
public sealed class Neo4jTelemetryTests
{
    private static readonly ActivitySource TestSource = new("RoleGraph.Tests.Neo4jTelemetry");

    [Theory]
    [InlineData(Neo4jApi.Query)]
    [InlineData(Neo4jApi.Http)]
    public async Task Each_request_is_a_client_span_named_by_the_catalogue_without_text_or_parameters(Neo4jApi api)
    {
        using var emulator = new CatalogNeo4jEmulator();
        using var server = new EmulatedNeo4jServer(emulator, TestClient.Authorization);
        var options = Options.Create(TestClient.Options(o => o.Api = api));
        INeo4jClient client = api == Neo4jApi.Http
            ? new Neo4jHttpClient(new HttpClient(server), options, NullLogger<Neo4jHttpClient>.Instance)
            : new Neo4jQueryApiClient(new HttpClient(server), options, NullLogger<Neo4jQueryApiClient>.Instance);
        var store = new Neo4jGraphStore(client, NullLogger<Neo4jGraphStore>.Instance);
        await store.InitializeAsync(TestContext.Current.CancellationToken);

        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is Neo4jTelemetry.SourceName or "RoleGraph.Tests.Neo4jTelemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using (var root = TestSource.StartActivity("test"))
        {
            await store.ApplyAsync(new GraphEdit { UpsertNodes = [new GraphNode("secret-skill-id", NodeKind.Skill, "Secret", null, [], GraphNode.NoProperties)] },
                dryRun: false, TestContext.Current.CancellationToken);
            await client.RunAsync([new CypherStatement(ReadCypher.Ping), new CypherStatement(ReadCypher.Ping)], TestContext.Current.CancellationToken);
            // A statement outside the catalogue, which the emulated server refuses: named as such, and failed.
            await Assert.ThrowsAnyAsync<Exception>(() => client.RunAsync([new CypherStatement("RETURN 1 AS probe")], TestContext.Current.CancellationToken));
        }

        List<Activity> mine;
        lock (spans)
        {
            var trace = spans.Single(s => s.Source == TestSource).TraceId;
            mine = spans.Where(s => s.Source.Name == Neo4jTelemetry.SourceName && s.TraceId == trace).ToList();
        }

        var names = mine.Select(s => s.DisplayName).ToList();
        // The write: the graph's lock, the node, the revision, then the commit; the HTTP API also opens the
        // transaction with a request of its own, the Query API with the first statement.
        Assert.Equal(api == Neo4jApi.Http ? "BEGIN" : "write lock", names[0]);
        Assert.Contains("write lock", names);
        Assert.Contains("upsert Skill nodes", names);
        Assert.Contains("set revision and sources", names);
        Assert.Contains("COMMIT", names);
        Assert.DoesNotContain("ROLLBACK", names);

        // Two statements in one request of the HTTP API are one span, a batch; the Query API sends them one by one
        // in a transaction it opens with the first and commits.
        var pings = mine.Where(s => s.DisplayName.Contains("ping", StringComparison.Ordinal)).ToList();
        if (api == Neo4jApi.Http)
        {
            var batch = Assert.Single(pings);
            Assert.Equal("ping; ping", batch.DisplayName);
            Assert.Equal("BATCH ping", batch.GetTagItem("db.operation.name"));
            Assert.Equal(2, batch.GetTagItem("db.operation.batch.size"));
        }
        else
        {
            Assert.Equal(2, pings.Count);
            Assert.All(pings, p => Assert.Equal("ping", p.GetTagItem("db.operation.name")));
        }

        var uncatalogued = mine[^1];
        Assert.Equal("uncatalogued statement", uncatalogued.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, uncatalogued.Status);
        Assert.NotNull(uncatalogued.GetTagItem("error.type"));
        Assert.All(mine, span =>
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("neo4j", span.GetTagItem("db.system.name"));
            Assert.Equal("neo4j", span.GetTagItem("db.namespace"));
            Assert.Equal(span.DisplayName, span.GetTagItem("db.query.summary"));
            Assert.True(span == uncatalogued || span.Status == ActivityStatusCode.Unset, span.DisplayName);
            Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString() is { } value
                && (value.Contains("secret-skill-id", StringComparison.Ordinal) || value.Contains("RETURN", StringComparison.Ordinal)));
        });
    }
}
