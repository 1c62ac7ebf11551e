using RoleGraph.Neo4j.Client;

namespace RoleGraph.Tests.Neo4j.Client;

/// <summary>
/// A write that waits for the graph's lock, or runs a slow statement, is not an outage: each has its own time
/// limit, and running out of it is not retried (a retry would restart the whole transaction, an import from scratch).
/// </summary>
public sealed class Neo4jClientTimeLimitTests
{
    private const string Begin = "POST http://localhost:7474/db/neo4j/tx";
    private const string Run = "POST http://localhost:7474/db/neo4j/tx/17";
    private const string Rollback = "DELETE http://localhost:7474/db/neo4j/tx/17";

    private static readonly CypherStatement Lock = new("MERGE (g:RoleGraphMeta {key: $key}) SET g.lockedAt = timestamp() RETURN g.revision AS revision", new Dictionary<string, object?> { ["key"] = "graph" });

    private static FakeNeo4jHandler Server(Func<CancellationToken, Task<HttpResponseMessage>> run) => new((request, _, token) => request.ToString() switch
    {
        Begin => Task.FromResult(FakeNeo4jHandler.JsonResponse(
            """{"results":[],"errors":[],"commit":"http://localhost:7474/db/neo4j/tx/17/commit"}""", System.Net.HttpStatusCode.Created, FakeNeo4jHandler.TransactionUri)),
        Run => run(token),
        _ => Task.FromResult(FakeNeo4jHandler.JsonResponse("""{"results":[],"errors":[]}""")),
    });

    [Fact]
    public async Task A_lock_wait_longer_than_the_lock_timeout_is_a_busy_graph_and_not_retried()
    {
        var server = Server(FakeNeo4jHandler.NeverAnswers);
        var client = TestClient.Create(server, options =>
        {
            // A lock wait outlives the request timeout of reads, and is bounded by its own.
            options.RequestTimeout = TimeSpan.FromMilliseconds(500);
            options.LockTimeout = TimeSpan.FromSeconds(2);
        });
        var started = System.Diagnostics.Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<Neo4jLockTimeoutException>(() => client.ExecuteWriteAsync(
            (transaction, token) => transaction.RunLockingAsync(Lock, token),
            TestContext.Current.CancellationToken));

        Assert.Equal("LockTimeout", exception.Code);
        Assert.Contains("Neo4j:LockTimeout", exception.Message, StringComparison.Ordinal);
        // Timers run on the kernel's coarse clock and may end a few milliseconds early by the stopwatch; what matters
        // is that the wait outlived the 500 ms request timeout.
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(50), $"Gave up after {started.Elapsed}, before the lock timeout.");
        Assert.Equal([Begin, Run, Rollback], server.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task A_statement_slower_than_the_statement_timeout_rolls_back_once_and_is_not_retried()
    {
        var server = Server(FakeNeo4jHandler.NeverAnswers);
        var client = TestClient.Create(server, options =>
        {
            options.RequestTimeout = TimeSpan.FromMilliseconds(500);
            options.StatementTimeout = TimeSpan.FromSeconds(1);
            options.MaxRetries = 3;
        });
        var workRuns = 0;

        var exception = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => client.ExecuteWriteAsync(
            async (transaction, token) =>
            {
                workRuns++;
                return await transaction.RunAsync([Lock], token);
            },
            TestContext.Current.CancellationToken));

        Assert.Equal("StatementTimeout", exception.Code);
        Assert.Equal(1, workRuns);
        Assert.Equal([Begin, Run, Rollback], server.Requests.Select(r => r.ToString()));
    }
}
