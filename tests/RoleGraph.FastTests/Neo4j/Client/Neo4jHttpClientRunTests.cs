using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RoleGraph.Neo4j.Client;
using RoleGraph.Tests.Embedded;

namespace RoleGraph.Tests.Neo4j.Client;

/// <summary>Auto-committed statements (POST /db/{database}/tx/commit): the request, the results and the errors.</summary>
public sealed class Neo4jHttpClientRunTests
{
    private static readonly CypherStatement Ping = new("RETURN 1 AS ok");

    [Fact]
    public async Task Statements_go_in_one_request_and_come_back_as_columns_and_rows()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json("""
            {
              "results": [
                {"columns": ["id", "name"], "data": [
                  {"row": ["python", "Python"], "meta": [null, null]},
                  {"row": ["r", null], "meta": [null, null]}]},
                {"columns": ["n"], "data": [
                  {"row": [{"name": "Alice", "age": 42}],
                   "meta": [{"id": 36, "elementId": "4:0ea4a108-32c5-498c-99e7-95cc67ab5f7d:36", "type": "node", "deleted": false}]}]}
              ],
              "errors": [],
              "lastBookmarks": ["FB:kcwQ"]
            }
            """));
        var client = TestClient.Create(server);

        var results = await client.RunAsync(
            [
                new CypherStatement(
                    "UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n.name AS name",
                    new Dictionary<string, object?>
                    {
                        ["ids"] = new[] { "python", "r" },
                        ["limit"] = 25,
                        ["weight"] = 0.5,
                        ["exact"] = true,
                        ["after"] = null,
                        ["props"] = new Dictionary<string, object?>
                        {
                            ["name"] = "Data \"Scientist\"",
                            ["aliases"] = new List<object?> { "DS", 7L, null },
                            ["nested"] = (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["level"] = 3 },
                        },
                    }),
                new CypherStatement("MERGE (n:Person {name: $name, age: $age}) RETURN n", new Dictionary<string, object?> { ["name"] = "Alice", ["age"] = 42 }),
            ],
            TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://localhost:7474/db/neo4j/tx/commit", request.Uri.AbsoluteUri);
        Assert.Equal(TestClient.Authorization, request.Authorization);
        Assert.Equal("application/json", request.Accept);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(
            """
            {"statements":[{"statement":"UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n.name AS name",
            "parameters":{"ids":["python","r"],"limit":25,"weight":0.5,"exact":true,"after":null,
            "props":{"name":"Data \u0022Scientist\u0022","aliases":["DS",7,null],"nested":{"level":3}}},"resultDataContents":["row"]},
            {"statement":"MERGE (n:Person {name: $name, age: $age}) RETURN n","parameters":{"name":"Alice","age":42},"resultDataContents":["row"]}]}
            """.ReplaceLineEndings(""),
            request.Body);

        Assert.Equal(2, results.Count);
        Assert.Equal(["id", "name"], results[0].Columns);
        Assert.Equal(2, results[0].Rows.Count);
        Assert.Equal("python", results[0].Rows[0][0].GetString());
        Assert.Equal("Python", results[0].Rows[0][1].GetString());
        Assert.Equal(JsonValueKind.Null, results[0].Rows[1][1].ValueKind);
        var node = Assert.Single(Assert.Single(results[1].Rows));
        Assert.Equal("Alice", node.GetProperty("name").GetString());
        Assert.Equal(42, node.GetProperty("age").GetInt32());
    }

    [Fact]
    public async Task The_database_and_a_path_under_the_server_uri_are_kept_and_user_info_is_not_sent()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json("""{"results":[{"columns":["ok"],"data":[{"row":[1],"meta":[null]}]}],"errors":[]}"""));
        var client = TestClient.Create(server, options =>
        {
            options.Uri = new Uri("https://someone:leaked@neo4j.example:7473/graph/");
            options.Database = "roles";
        });

        var result = Assert.Single(await client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal("https://neo4j.example:7473/graph/db/roles/tx/commit", Assert.Single(server.Requests).Uri.AbsoluteUri);
        Assert.Equal(TestClient.Authorization, server.Requests[0].Authorization);
        Assert.Equal(1, Assert.Single(Assert.Single(result.Rows)).GetInt32());
        Assert.Equal("""{"statements":[{"statement":"RETURN 1 AS ok","parameters":{},"resultDataContents":["row"]}]}""", server.Requests[0].Body);
    }

    [Fact]
    public async Task A_syntax_error_is_a_client_exception_with_the_code_and_is_not_retried()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json(FakeNeo4jHandler.Error(
            "Neo.ClientError.Statement.SyntaxError", "Invalid input 'T': expected <init> (line 1, column 1 (offset: 0))")));
        var client = TestClient.Create(server);

        var exception = await Assert.ThrowsAsync<Neo4jClientException>(
            () => client.RunAsync([new CypherStatement("This is not a valid Cypher Statement.")], TestContext.Current.CancellationToken));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", exception.Code);
        Assert.Contains("Invalid input 'T'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("http://localhost:7474/db/neo4j/tx/commit", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClient.Password, exception.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_constraint_violation_is_a_client_exception_and_is_not_retried()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json(FakeNeo4jHandler.Error(
            "Neo.ClientError.Schema.ConstraintValidationFailed", "Node(0) already exists with label `Node` and property `id` = 'python'")));
        var client = TestClient.Create(server);

        var exception = await Assert.ThrowsAsync<Neo4jClientException>(
            () => client.RunAsync([new CypherStatement("CREATE (:Node {id: 'python'})")], TestContext.Current.CancellationToken));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", exception.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Unauthorized_is_an_authentication_exception_naming_the_user_not_the_password_and_is_not_retried()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json(
            FakeNeo4jHandler.Error("Neo.ClientError.Security.Unauthorized", "Invalid username or password."), HttpStatusCode.Unauthorized));
        var client = TestClient.Create(server);

        var exception = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", exception.Code);
        Assert.Contains("'neo4j'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid username or password.", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClient.Password, exception.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task A_bare_401_or_403_is_an_authentication_exception_and_is_not_retried(HttpStatusCode status)
    {
        var server = new FakeNeo4jHandler(_ => Task.FromResult(new HttpResponseMessage(status)));
        var client = TestClient.Create(server);

        var exception = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal($"HTTP {(int)status}", exception.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_security_error_in_a_200_response_is_an_authentication_exception()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json(FakeNeo4jHandler.Error(
            "Neo.ClientError.Security.Forbidden", "Write operations are not allowed for user 'reader'.")));
        var client = TestClient.Create(server);

        var exception = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal("Neo.ClientError.Security.Forbidden", exception.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_transient_error_is_retried_until_the_statement_succeeds_and_each_retry_is_logged()
    {
        var transient = FakeNeo4jHandler.Json(FakeNeo4jHandler.Error(
            "Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient[1] can't acquire ExclusiveLock{owner=ForsetiClient[2]}"));
        var server = new FakeNeo4jHandler(
            transient,
            transient,
            FakeNeo4jHandler.Json("""{"results":[{"columns":["ok"],"data":[{"row":[1],"meta":[null]}]}],"errors":[]}"""));
        var logger = new RecordingLogger<Neo4jHttpClient>();
        var client = TestClient.Create(server, logger: logger);

        var result = Assert.Single(await client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal(1, Assert.Single(Assert.Single(result.Rows)).GetInt32());
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, request => Assert.Equal(server.Requests[0].Body, request.Body));
        var warnings = logger.Entries.Where(entry => entry.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("Neo.TransientError.Transaction.DeadlockDetected", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("retry 1 of 3", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("retry 2 of 3", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transient_error_that_persists_gives_up_after_the_configured_retries()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json(FakeNeo4jHandler.Error(
            "Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient can't acquire ExclusiveLock.")));
        var client = TestClient.Create(server, options => options.MaxRetries = 2);

        var exception = await Assert.ThrowsAsync<Neo4jTransientException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal("Neo.TransientError.Transaction.DeadlockDetected", exception.Code);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_lock_neo4j_still_cannot_acquire_after_the_retries_is_a_busy_graph_not_an_outage()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json(FakeNeo4jHandler.Error(
            "Neo.TransientError.Transaction.LockAcquisitionTimeout", "Unable to acquire lock within configured timeout.")));
        var client = TestClient.Create(server, options => options.MaxRetries = 2);

        var exception = await Assert.ThrowsAsync<Neo4jLockTimeoutException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal("Neo.TransientError.Transaction.LockAcquisitionTimeout", exception.Code);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_database_that_stays_unavailable_is_an_unavailable_exception_after_the_retries()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json(FakeNeo4jHandler.Error(
            "Neo.TransientError.General.DatabaseUnavailable", "Database 'neo4j' is unavailable.")));
        var client = TestClient.Create(server, options => options.MaxRetries = 2);

        var exception = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal("Neo.TransientError.General.DatabaseUnavailable", exception.Code);
        Assert.Contains("after 2 retries", exception.Message, StringComparison.Ordinal);
        Assert.IsType<Neo4jTransientException>(exception.InnerException);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Terminated_transactions_are_client_errors_and_not_retried()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json(FakeNeo4jHandler.Error(
            "Neo.TransientError.Transaction.Terminated", "The transaction has been terminated.")));
        var client = TestClient.Create(server);

        var exception = await Assert.ThrowsAsync<Neo4jClientException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal("Neo.TransientError.Transaction.Terminated", exception.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_as_unavailable_with_the_server_uri()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.ConnectionRefused);
        var client = TestClient.Create(server);

        var exception = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal("ConnectionFailed", exception.Code);
        Assert.Contains("http://localhost:7474", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClient.Password, exception.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task A_connection_that_comes_back_within_the_retries_succeeds()
    {
        var server = new FakeNeo4jHandler(
            FakeNeo4jHandler.ConnectionRefused,
            FakeNeo4jHandler.Json("""{"results":[{"columns":["ok"],"data":[{"row":[1],"meta":[null]}]}],"errors":[]}"""));
        var client = TestClient.Create(server);

        var result = Assert.Single(await client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Single(result.Rows);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_error_status_is_unavailable_and_retried()
    {
        var server = new FakeNeo4jHandler(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StringContent("<html>503 Service Unavailable</html>"),
        }));
        var client = TestClient.Create(server, options => options.MaxRetries = 1);

        var exception = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal("HTTP 503", exception.Code);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_request_that_outlasts_the_request_timeout_is_unavailable()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.NeverAnswers);
        var client = TestClient.Create(server, options =>
        {
            options.RequestTimeout = TimeSpan.FromMilliseconds(100);
            options.MaxRetries = 1;
        });

        var exception = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Equal("Timeout", exception.Code);
        Assert.Contains("0.1 s", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation_and_is_not_retried()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.NeverAnswers);
        server.Received += _ => cancellation.CancelAfter(TimeSpan.FromMilliseconds(20));
        var logger = new RecordingLogger<Neo4jHttpClient>();
        var client = TestClient.Create(server, logger: logger);

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.RunAsync([Ping], cancellation.Token));

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.Single(server.Requests);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task A_cancelled_caller_sends_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Ok);
        var client = TestClient.Create(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.RunAsync([Ping], cancellation.Token));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_body_that_is_not_neo4j_json_is_reported_and_not_retried()
    {
        var server = new FakeNeo4jHandler(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>proxy login</html>") }));
        var client = TestClient.Create(server);

        var exception = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync([Ping], TestContext.Current.CancellationToken));

        Assert.Contains("not the HTTP API's JSON", exception.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(exception.InnerException, exactMatch: false);
        Assert.Single(server.Requests);
    }
}
