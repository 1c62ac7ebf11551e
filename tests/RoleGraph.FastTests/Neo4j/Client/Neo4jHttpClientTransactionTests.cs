using System.Net;
using Microsoft.Extensions.Logging;
using RoleGraph.Neo4j.Client;
using RoleGraph.Tests.Embedded;

namespace RoleGraph.Tests.Neo4j.Client;

/// <summary>Explicit transactions: POST /db/{database}/tx, POST .../tx/{id}, POST .../tx/{id}/commit or DELETE .../tx/{id}.</summary>
public sealed class Neo4jHttpClientTransactionTests
{
    private const string Begin = "POST http://localhost:7474/db/neo4j/tx";
    private const string Run = "POST http://localhost:7474/db/neo4j/tx/17";
    private const string Commit = "POST http://localhost:7474/db/neo4j/tx/17/commit";
    private const string Rollback = "DELETE http://localhost:7474/db/neo4j/tx/17";

    private const string EmptyResult = """{"results":[],"errors":[]}""";

    private static readonly CypherStatement CreateSkill = new(
        "MERGE (n:Node:Skill {id: $id}) SET n.name = $name RETURN n.id AS id",
        new Dictionary<string, object?> { ["id"] = "python", ["name"] = "Python" });

    [Fact]
    public async Task A_unit_of_work_begins_runs_its_statements_in_the_transaction_and_commits()
    {
        var server = Transactional(_ => FakeNeo4jHandler.JsonResponse(
            """{"results":[{"columns":["id"],"data":[{"row":["python"],"meta":[null]}]}],"errors":[],"commit":"http://localhost:7474/db/neo4j/tx/17/commit","transaction":{"expires":"Thu, 3 Aug 2023 11:45:20 GMT"}}"""));
        var client = TestClient.Create(server);

        var ids = await client.ExecuteWriteAsync(
            async (transaction, token) =>
            {
                var first = await transaction.RunAsync([CreateSkill], token);
                var second = await transaction.RunAsync([CreateSkill], token);
                return new[] { first[0].Rows[0][0].GetString(), second[0].Rows[0][0].GetString() };
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(["python", "python"], ids);
        Assert.Equal([Begin, Run, Run, Commit], server.Requests.Select(request => request.ToString()));
        Assert.All(server.Requests, request => Assert.Equal(TestClient.Authorization, request.Authorization));
        Assert.Equal("""{"statements":[]}""", server.Requests[0].Body);
        Assert.Equal(
            """{"statements":[{"statement":"MERGE (n:Node:Skill {id: $id}) SET n.name = $name RETURN n.id AS id","parameters":{"id":"python","name":"Python"},"resultDataContents":["row"]}]}""",
            server.Requests[1].Body);
        Assert.Equal("""{"statements":[]}""", server.Requests[3].Body);
    }

    [Fact]
    public async Task A_failed_statement_surfaces_its_error_and_the_transaction_neo4j_already_dropped_is_not_committed()
    {
        // Neo4j rolls the transaction back itself after a failed statement, so the DELETE finds nothing: a 404 with
        // TransactionNotFound, which is not a failure of the rollback.
        var server = Transactional(
            _ => FakeNeo4jHandler.JsonResponse(FakeNeo4jHandler.Error(
                "Neo.ClientError.Schema.ConstraintValidationFailed", "Node(0) already exists with label `Node` and property `id` = 'python'")),
            rollback: _ => FakeNeo4jHandler.JsonResponse(
                FakeNeo4jHandler.Error("Neo.ClientError.Transaction.TransactionNotFound", "Unrecognized transaction id. Transaction may have timed out and been rolled back."),
                HttpStatusCode.NotFound));
        var logger = new RecordingLogger<Neo4jHttpClient>();
        var client = TestClient.Create(server, logger: logger);
        var workRuns = 0;

        var exception = await Assert.ThrowsAsync<Neo4jClientException>(() => client.ExecuteWriteAsync(
            async (transaction, token) =>
            {
                workRuns++;
                await transaction.RunAsync([CreateSkill], token);
                return 0;
            },
            TestContext.Current.CancellationToken));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", exception.Code);
        Assert.Equal(1, workRuns);
        Assert.Equal([Begin, Run, Rollback], server.Requests.Select(request => request.ToString()));
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task When_the_work_throws_the_transaction_is_rolled_back_and_the_works_exception_surfaces()
    {
        var server = Transactional(_ => FakeNeo4jHandler.JsonResponse(EmptyResultFor(1)));
        var client = TestClient.Create(server);
        var failure = new InvalidOperationException("the work changed its mind");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ExecuteWriteAsync<int>(
            async (transaction, token) =>
            {
                await transaction.RunAsync([CreateSkill], token);
                throw failure;
            },
            TestContext.Current.CancellationToken));

        Assert.Same(failure, exception);
        Assert.Equal([Begin, Run, Rollback], server.Requests.Select(request => request.ToString()));
    }

    [Fact]
    public async Task A_rollback_that_fails_does_not_hide_the_works_exception_and_is_logged()
    {
        var server = Transactional(
            _ => FakeNeo4jHandler.JsonResponse(EmptyResultFor(1)),
            rollback: _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset"));
        var logger = new RecordingLogger<Neo4jHttpClient>();
        var client = TestClient.Create(server, logger: logger);
        var failure = new InvalidOperationException("the work changed its mind");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ExecuteWriteAsync<int>(
            (_, _) => throw failure,
            TestContext.Current.CancellationToken));

        Assert.Same(failure, exception);
        Assert.Equal([Begin, Rollback], server.Requests.Select(request => request.ToString()));
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("http://localhost:7474/db/neo4j/tx/17", warning.Message, StringComparison.Ordinal);
        Assert.IsType<Neo4jUnavailableException>(warning.Exception);
    }

    [Fact]
    public async Task A_transient_error_in_the_unit_of_work_retries_the_whole_unit_from_begin()
    {
        var statementsRun = 0;
        var server = Transactional(
            _ => Interlocked.Increment(ref statementsRun) == 1
                ? FakeNeo4jHandler.JsonResponse(FakeNeo4jHandler.Error("Neo.TransientError.Transaction.DeadlockDetected", "Deadlock detected."))
                : FakeNeo4jHandler.JsonResponse(EmptyResultFor(1)),
            rollback: _ => FakeNeo4jHandler.JsonResponse(
                FakeNeo4jHandler.Error("Neo.ClientError.Transaction.TransactionNotFound", "Unrecognized transaction id."), HttpStatusCode.NotFound));
        var client = TestClient.Create(server);
        var workRuns = 0;

        var result = await client.ExecuteWriteAsync(
            async (transaction, token) =>
            {
                workRuns++;
                await transaction.RunAsync([CreateSkill], token);
                return "done";
            },
            TestContext.Current.CancellationToken);

        Assert.Equal("done", result);
        Assert.Equal(2, workRuns);
        Assert.Equal([Begin, Run, Rollback, Begin, Run, Commit], server.Requests.Select(request => request.ToString()));
    }

    [Fact]
    public async Task Without_a_location_header_the_commit_uri_names_the_transaction_and_requests_stay_on_the_configured_server()
    {
        // Current documentation shows the begin answered with 200 and only the commit URI; a server behind a mapped
        // port names itself by its own host, where the credentials must not go.
        var server = new FakeNeo4jHandler((request, _, _) => Task.FromResult(request.Method == HttpMethod.Post && request.Uri.AbsolutePath == "/db/neo4j/tx"
            ? FakeNeo4jHandler.JsonResponse("""{"results":[],"errors":[],"commit":"http://neo4j-internal:7474/db/neo4j/tx/23/commit","transaction":{"expires":"Thu, 3 Aug 2023 11:45:10 GMT"}}""")
            : FakeNeo4jHandler.JsonResponse(request.Uri.AbsolutePath.EndsWith("/commit", StringComparison.Ordinal) ? EmptyResult : EmptyResultFor(1))));
        var client = TestClient.Create(server);

        await client.ExecuteWriteAsync(async (transaction, token) => await transaction.RunAsync([CreateSkill], token), TestContext.Current.CancellationToken);

        Assert.Equal(
            [Begin, "POST http://localhost:7474/db/neo4j/tx/23", "POST http://localhost:7474/db/neo4j/tx/23/commit"],
            server.Requests.Select(request => request.ToString()));
    }

    [Fact]
    public async Task A_transaction_kept_past_its_unit_of_work_refuses_statements()
    {
        var server = Transactional(_ => FakeNeo4jHandler.JsonResponse(EmptyResultFor(1)));
        var client = TestClient.Create(server);

        var kept = await client.ExecuteWriteAsync((transaction, _) => Task.FromResult(transaction), TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidOperationException>(() => kept.RunAsync([CreateSkill], TestContext.Current.CancellationToken));
        Assert.Equal([Begin, Commit], server.Requests.Select(request => request.ToString()));
    }

    [Fact]
    public async Task A_failed_commit_surfaces_and_a_client_error_is_not_retried()
    {
        var server = new FakeNeo4jHandler((request, _, _) => Task.FromResult(request.ToString() switch
        {
            Begin => Begun(),
            Commit => FakeNeo4jHandler.JsonResponse(FakeNeo4jHandler.Error("Neo.ClientError.Schema.ConstraintValidationFailed", "Node(3) already exists")),
            _ => FakeNeo4jHandler.JsonResponse(EmptyResultFor(1)),
        }));
        var client = TestClient.Create(server);

        var exception = await Assert.ThrowsAsync<Neo4jClientException>(() => client.ExecuteWriteAsync(
            async (transaction, token) => await transaction.RunAsync([CreateSkill], token),
            TestContext.Current.CancellationToken));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", exception.Code);
        Assert.Equal([Begin, Run, Commit], server.Requests.Select(request => request.ToString()));
    }

    [Fact]
    public async Task A_caller_cancelling_during_the_unit_of_work_rolls_it_back_and_nothing_is_retried()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var server = Transactional(_ => FakeNeo4jHandler.JsonResponse(EmptyResultFor(1)));
        var client = TestClient.Create(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ExecuteWriteAsync(
            async (transaction, token) =>
            {
                await transaction.RunAsync([CreateSkill], token);
                await cancellation.CancelAsync();
                return await transaction.RunAsync([CreateSkill], token);
            },
            cancellation.Token));

        Assert.Equal([Begin, Run, Rollback], server.Requests.Select(request => request.ToString()));
    }

    [Fact]
    public async Task A_commit_that_times_out_is_rolled_back_in_case_it_never_arrived()
    {
        var server = new FakeNeo4jHandler((request, _, token) => request.ToString() switch
        {
            Begin => Task.FromResult(Begun()),
            Commit => FakeNeo4jHandler.NeverAnswers(token),
            Rollback => Task.FromResult(FakeNeo4jHandler.JsonResponse(
                FakeNeo4jHandler.Error("Neo.ClientError.Transaction.TransactionNotFound", "Unrecognized transaction id."), HttpStatusCode.NotFound)),
            _ => Task.FromResult(FakeNeo4jHandler.JsonResponse(EmptyResultFor(1))),
        });
        var client = TestClient.Create(server, options =>
        {
            // The commit is bounded like the statements of the write, not like a read.
            options.StatementTimeout = TimeSpan.FromMilliseconds(100);
            options.MaxRetries = 0;
        });

        var exception = await Assert.ThrowsAsync<Neo4jCommitUnknownException>(() => client.ExecuteWriteAsync(
            async (transaction, token) => await transaction.RunAsync([CreateSkill], token),
            TestContext.Current.CancellationToken));

        Assert.Equal("StatementTimeout", exception.Code);
        Assert.Equal([Begin, Run, Commit, Rollback], server.Requests.Select(request => request.ToString()));
    }

    [Fact]
    public async Task A_commit_without_an_answer_is_not_retried_since_it_may_have_been_applied()
    {
        var server = new FakeNeo4jHandler((request, _, token) => request.ToString() switch
        {
            Begin => Task.FromResult(Begun()),
            Commit => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)),
            Rollback => Task.FromResult(FakeNeo4jHandler.JsonResponse(
                FakeNeo4jHandler.Error("Neo.ClientError.Transaction.TransactionNotFound", "Unrecognized transaction id."), HttpStatusCode.NotFound)),
            _ => Task.FromResult(FakeNeo4jHandler.JsonResponse(EmptyResultFor(1))),
        });
        var client = TestClient.Create(server, options =>
        {
            options.MaxRetries = 3;
            options.RetryDelay = TimeSpan.FromMilliseconds(1);
        });
        var runs = 0;

        var exception = await Assert.ThrowsAsync<Neo4jCommitUnknownException>(() => client.ExecuteWriteAsync(
            async (transaction, token) =>
            {
                runs++;
                return await transaction.RunAsync([CreateSkill], token);
            },
            TestContext.Current.CancellationToken));

        Assert.Equal(1, runs);
        Assert.Contains("may or may not have been applied", exception.Message, StringComparison.Ordinal);
        Assert.Equal([Begin, Run, Commit, Rollback], server.Requests.Select(request => request.ToString()));
    }

    [Fact]
    public async Task Running_out_of_memory_is_not_retried()
    {
        var server = new FakeNeo4jHandler((request, _, _) => Task.FromResult(FakeNeo4jHandler.JsonResponse(
            FakeNeo4jHandler.Error("Neo.TransientError.General.MemoryPoolOutOfMemoryError", "The allocation of an extra 2 MiB would use more than the limit."))));
        var client = TestClient.Create(server, options =>
        {
            options.MaxRetries = 3;
            options.RetryDelay = TimeSpan.FromMilliseconds(1);
        });

        var exception = await Assert.ThrowsAsync<Neo4jTransientException>(() => client.RunAsync([CreateSkill], TestContext.Current.CancellationToken));

        Assert.Equal("Neo.TransientError.General.MemoryPoolOutOfMemoryError", exception.Code);
        Assert.Single(server.Requests);
    }

    /// <summary>The documented begin response: 201 Created, Location naming the transaction, the commit URI in the body.</summary>
    private static HttpResponseMessage Begun() => FakeNeo4jHandler.JsonResponse(
        """{"results":[],"errors":[],"commit":"http://localhost:7474/db/neo4j/tx/17/commit","transaction":{"expires":"Thu, 3 Aug 2023 11:45:10 GMT"}}""",
        HttpStatusCode.Created,
        FakeNeo4jHandler.TransactionUri);

    private static string EmptyResultFor(int statements) =>
        $$"""{"results":[{{string.Join(",", Enumerable.Repeat("""{"columns":["id"],"data":[]}""", statements))}}],"errors":[]}""";

    /// <summary>A server with transaction 17: begin, statements (answered by <paramref name="statements"/>), commit, rollback.</summary>
    private static FakeNeo4jHandler Transactional(
        Func<RecordedRequest, HttpResponseMessage> statements,
        Func<RecordedRequest, HttpResponseMessage>? rollback = null) =>
        new((request, _, _) => Task.FromResult(request.ToString() switch
        {
            Begin => Begun(),
            Run => statements(request),
            Commit => FakeNeo4jHandler.JsonResponse(EmptyResult),
            Rollback => rollback?.Invoke(request) ?? FakeNeo4jHandler.JsonResponse(EmptyResult),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        }));
}
