using System.Net;
using RoleGraph.Neo4j.Client;
using RoleGraph.Tests.Embedded;

namespace RoleGraph.Tests.Neo4j.Client;

/// <summary>
/// The Query API client against the requests and answers of the Query API manual ("Query the database", "Run
/// transactions", "Coordinate transactions"): every answer but 401 is 202, errors in the body, one statement per
/// request, transactions opened by their first statement and bound to a cluster member by neo4j-cluster-affinity.
/// </summary>
public sealed class Neo4jQueryApiClientTests
{
    private const string Query = "POST http://localhost:7474/db/neo4j/query/v2";
    private const string Begin = "POST http://localhost:7474/db/neo4j/query/v2/tx";
    private const string Run = "POST http://localhost:7474/db/neo4j/query/v2/tx/lyU";
    private const string Commit = "POST http://localhost:7474/db/neo4j/query/v2/tx/lyU/commit";
    private const string Rollback = "DELETE http://localhost:7474/db/neo4j/query/v2/tx/lyU";
    private const string Affinity = "MTAuOC41Ljc6MTc0NzQ=";
    private const string Bookmark = "FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ";

    private static readonly CypherStatement MergeAlice = new(
        "MERGE (n:Person {name: $name, age: $age}) RETURN n.name AS name, n.age AS age",
        new Dictionary<string, object?> { ["name"] = "Alice", ["age"] = 42 });

    private static string Data(string name, int age, bool inTransaction) =>
        $$"""{"data":{"fields":["name","age"],"values":[["{{name}}",{{age}}]]},"bookmarks":["{{Bookmark}}"]{{(inTransaction ? ""","transaction":{"id":"lyU","expires":"2024-10-22T15:48:29Z"}""" : "")}}}""";

    private static string Error(string code, string message) => $$"""{"errors":[{"code":"{{code}}","message":"{{message}}"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_statement_is_one_post_to_the_query_endpoint_and_its_fields_and_values_are_the_rows()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json(Data("Alice", 42, inTransaction: false), HttpStatusCode.Accepted));
        var client = TestClient.CreateQueryApi(server);

        var results = await client.RunAsync([MergeAlice], Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(Query, request.ToString());
        Assert.Equal(TestClient.Authorization, request.Authorization);
        Assert.Equal("application/json", request.Accept);
        Assert.Equal("""{"statement":"MERGE (n:Person {name: $name, age: $age}) RETURN n.name AS name, n.age AS age","parameters":{"name":"Alice","age":42}}""", request.Body);
        var result = Assert.Single(results);
        Assert.Equal(["name", "age"], result.Columns);
        var row = Assert.Single(result.Rows);
        Assert.Equal("Alice", row[0].GetString());
        Assert.Equal(42, row[1].GetInt32());
    }

    [Fact]
    public async Task A_unit_of_work_opens_its_transaction_with_the_first_statement_replays_the_affinity_and_commits()
    {
        var server = new FakeNeo4jHandler((request, _, _) => Task.FromResult(request.ToString() switch
        {
            Begin or Run => FakeNeo4jHandler.JsonResponse(Data("Alice", 42, inTransaction: true), HttpStatusCode.Accepted, affinity: Affinity),
            Commit => FakeNeo4jHandler.JsonResponse($$"""{"bookmarks":["{{Bookmark}}"]}""", HttpStatusCode.Accepted, affinity: Affinity),
            _ => FakeNeo4jHandler.JsonResponse(Data("Bob", 43, inTransaction: false), HttpStatusCode.Accepted),
        }));
        var client = TestClient.CreateQueryApi(server);

        var ages = await client.ExecuteWriteAsync(
            async (transaction, token) =>
            {
                var first = await transaction.RunLockingAsync(MergeAlice, token);
                var second = await transaction.RunAsync([MergeAlice], token);
                return new[] { first[0].Rows[0][1].GetInt32(), second[0].Rows[0][1].GetInt32() };
            },
            Ct);
        await client.RunAsync([MergeAlice], Ct);

        Assert.Equal([42, 42], ages);
        Assert.Equal([Begin, Run, Commit, Query], server.Requests.Select(r => r.ToString()));
        Assert.Equal([null, Affinity, Affinity, null], server.Requests.Select(r => r.Affinity));
        Assert.DoesNotContain("bookmarks", server.Requests[0].Body, StringComparison.Ordinal);
        Assert.Null(server.Requests[2].Body);

        // The write's bookmark goes with the next transaction, so a cluster member serves it only once it has the write.
        using var next = System.Text.Json.JsonDocument.Parse(server.Requests[3].Body!);
        Assert.Equal([Bookmark], next.RootElement.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public async Task Several_statements_that_must_see_one_graph_run_in_one_transaction()
    {
        var server = new FakeNeo4jHandler((request, _, _) => Task.FromResult(request.ToString() switch
        {
            Commit => FakeNeo4jHandler.JsonResponse("""{"bookmarks":[]}""", HttpStatusCode.Accepted, affinity: Affinity),
            _ => FakeNeo4jHandler.JsonResponse(Data("Alice", 42, inTransaction: true), HttpStatusCode.Accepted, affinity: Affinity),
        }));
        var client = TestClient.CreateQueryApi(server);

        var results = await client.RunAsync([MergeAlice, MergeAlice, MergeAlice], Ct);

        Assert.Equal(3, results.Count);
        Assert.Equal([Begin, Run, Run, Commit], server.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task An_error_in_a_202_answer_surfaces_with_its_code_and_the_closed_transaction_needs_no_rollback()
    {
        var server = new FakeNeo4jHandler((request, _, _) => Task.FromResult(request.ToString() switch
        {
            Begin => FakeNeo4jHandler.JsonResponse(Data("Alice", 42, inTransaction: true), HttpStatusCode.Accepted, affinity: Affinity),
            Run => FakeNeo4jHandler.JsonResponse(
                Error("Neo.ClientError.Schema.ConstraintValidationFailed", "Node(0) already exists with label `Person` and property `name` = 'Alice'"), HttpStatusCode.Accepted),

            // After a failed statement the transaction is gone: the manual's answer for an unknown id.
            _ => FakeNeo4jHandler.JsonResponse(
                Error("Neo.ClientError.Request.Invalid", "Transaction with Id: \\\"lyU\\\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided."),
                HttpStatusCode.Accepted),
        }));
        var logger = new RecordingLogger<Neo4jQueryApiClient>();
        var client = TestClient.CreateQueryApi(server, logger: logger);

        var exception = await Assert.ThrowsAsync<Neo4jClientException>(() => client.ExecuteWriteAsync(
            async (transaction, token) =>
            {
                await transaction.RunAsync([MergeAlice], token);
                return await transaction.RunAsync([MergeAlice], token);
            },
            Ct));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", exception.Code);
        Assert.Equal([Begin, Run, Rollback], server.Requests.Select(r => r.ToString()));
        Assert.Equal(Affinity, server.Requests[2].Affinity);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task Refused_credentials_are_a_401_and_never_retried()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json(
            Error("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure."), HttpStatusCode.Unauthorized));
        var client = TestClient.CreateQueryApi(server);

        var exception = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => client.RunAsync([MergeAlice], Ct));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", exception.Code);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(TestClient.Password, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_of_work_that_runs_nothing_opens_and_commits_nothing()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Ok);
        var client = TestClient.CreateQueryApi(server);

        Assert.Equal(7, await client.ExecuteWriteAsync((_, _) => Task.FromResult(7), Ct));
        Assert.Empty(server.Requests);
    }
}
