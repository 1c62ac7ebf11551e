using System.Net;
using System.Text.Json.Nodes;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Http;

/// <summary>
/// Apollo's automatic persisted queries over GET and POST: an unknown hash asks for the query, a query with its
/// hash is checked and kept, the hash alone then stands for it, and the store of them is bounded.
/// </summary>
public sealed class PersistedQueryTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task An_unknown_hash_is_persisted_query_not_found_with_200(string method)
    {
        var hash = ConditionalRequests.Sha256("{ roles { totalCount } } # never sent " + method);

        var response = method == "GET" ? await app.GraphQL().GetPersistedAsync(hash) : await app.GraphQL().PostPersistedAsync(hash);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", response.SingleErrorCode());
        Assert.Equal("PersistedQueryNotFound", (string?)response.Errors![0]!["message"]);
        Assert.Null(response.Data);
        Assert.Null(response.ETag());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_query_sent_with_its_hash_runs_and_then_the_hash_alone_works_over_get_and_post(string registerWith)
    {
        var client = app.GraphQL();
        var query = $"query Registered{registerWith} {{ role(id: \"data-scientist\") {{ name }} }}";
        var hash = ConditionalRequests.Sha256(query);

        var registered = registerWith == "GET" ? await client.GetPersistedAsync(hash, query) : await client.PostPersistedAsync(hash, query);
        var overGet = await client.GetPersistedAsync(hash);
        var overPost = await client.PostPersistedAsync(hash);

        foreach (var response in new[] { registered, overGet, overPost })
        {
            Assert.True(response.Status == HttpStatusCode.OK, response.Text);
            Assert.Null(response.Errors);
            Assert.Equal("Data Scientist", (string?)response.Data!["role"]!["name"]);
        }
    }

    [Fact]
    public async Task Persisted_gets_take_variables_and_are_tagged_like_any_get()
    {
        var client = app.GraphQL();
        const string query = "query Role($id: ID!) { role(id: $id) { name } }";
        var hash = ConditionalRequests.Sha256(query);
        await client.PostPersistedAsync(hash, query);
        var withVariables = "extensions=" + Uri.EscapeDataString(ConditionalRequests.Extensions(hash)) + "&variables=" + Uri.EscapeDataString("""{"id":"data-scientist"}""");

        var first = await client.ConditionalGetAsync(withVariables, ifNoneMatch: null);
        var again = await client.ConditionalGetAsync(withVariables, first.ETag());

        Assert.Equal("Data Scientist", (string?)first.Data!["role"]!["name"]);
        Assert.NotNull(first.ETag());
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_hash_that_is_not_the_querys_is_a_mismatch_and_nothing_is_run_or_kept(string method)
    {
        var client = app.GraphQL();
        const string query = "mutation { upsertSkill(input: { id: \"mismatched\", name: \"Mismatched\" }) { id } }";
        var wrong = ConditionalRequests.Sha256("{ roles { totalCount } } # " + method);

        var response = method == "GET" ? await client.GetPersistedAsync(wrong, "{ roles { totalCount } }") : await client.PostPersistedAsync(wrong, query);
        var hashAlone = await client.PostPersistedAsync(wrong);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", response.SingleErrorCode());
        Assert.Contains("SHA-256", (string?)response.Errors![0]!["message"]);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", hashAlone.SingleErrorCode());
        Assert.Null((await client.QueryAsync("""{ node(id: "mismatched") { id } }"""))["node"]);
    }

    [Theory]
    [InlineData("""{"query": "{ roles { totalCount } }", "extensions": {"persistedQuery": {"version": 2, "sha256Hash": "abc"}}}""")]
    [InlineData("""{"query": "{ roles { totalCount } }", "extensions": {"persistedQuery": {"version": 1}}}""")]
    [InlineData("""{"extensions": {"persistedQuery": "abc"}}""")]
    public async Task A_malformed_persisted_query_extension_is_a_bad_request(string body)
    {
        var response = await app.GraphQL().PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.SingleErrorCode());
        Assert.Contains("persistedQuery", (string?)response.Errors![0]!["message"]);
    }

    [Fact]
    public async Task Mutations_can_be_persisted_too_but_only_posted()
    {
        var client = app.GraphQL();
        const string mutation = """mutation { upsertSkill(input: { id: "persisted-skill", name: "Persisted" }) { id } }""";
        var hash = ConditionalRequests.Sha256(mutation);

        var registered = await client.PostPersistedAsync(hash, mutation);
        var overGet = await client.GetPersistedAsync(hash);

        Assert.Null(registered.Errors);
        Assert.Equal("persisted-skill", (string?)registered.Data!["upsertSkill"]!["id"]);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, overGet.Status);
        Assert.Equal("BAD_REQUEST", overGet.SingleErrorCode());
    }

    [Fact]
    public async Task The_store_of_persisted_queries_keeps_at_most_its_configured_entries_the_least_recently_used_going_first()
    {
        using var small = new RoleGraphApiFactory();
        small.Settings["RoleGraph:Http:MaxPersistedQueries"] = "2";
        var client = small.GraphQL();
        var queries = new[] { "{ roles { totalCount } }", "{ skills { totalCount } }", "{ tools { totalCount } }" };
        var hashes = queries.Select(ConditionalRequests.Sha256).ToArray();

        await client.PostPersistedAsync(hashes[0], queries[0]);
        await client.PostPersistedAsync(hashes[1], queries[1]);
        var firstStillKept = await client.PostPersistedAsync(hashes[0]); // used again: it stays
        await client.PostPersistedAsync(hashes[2], queries[2]);

        Assert.Null(firstStillKept.Errors);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await client.PostPersistedAsync(hashes[1])).SingleErrorCode());
        Assert.Null((await client.PostPersistedAsync(hashes[0])).Errors);
        Assert.Null((await client.PostPersistedAsync(hashes[2])).Errors);

        // Many more than two: still at most two kept, so the first of them is gone.
        var many = Enumerable.Range(0, 6).Select(i => $"query Q{i} {{ roles {{ totalCount }} }}").ToArray();
        foreach (var query in many)
        {
            Assert.Null((await client.PostPersistedAsync(ConditionalRequests.Sha256(query), query)).Errors);
        }

        var kept = 0;
        foreach (var query in many)
        {
            kept += (await client.PostPersistedAsync(ConditionalRequests.Sha256(query))).Errors is null ? 1 : 0;
        }

        Assert.InRange(kept, 1, 2);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await client.PostPersistedAsync(ConditionalRequests.Sha256(many[0]))).SingleErrorCode());
    }

    [Fact]
    public async Task Switched_off_persisted_queries_answer_not_supported()
    {
        using var off = new RoleGraphApiFactory();
        off.Settings["RoleGraph:Http:PersistedQueries"] = "false";
        const string query = "{ roles { totalCount } }";

        var response = await off.GraphQL().PostPersistedAsync(ConditionalRequests.Sha256(query), query);
        var plain = await off.GraphQL().PostAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", response.SingleErrorCode());
        Assert.Null(plain.Errors);
    }

    [Fact]
    public async Task Every_persisted_query_error_has_the_documented_shape()
    {
        var responses = new[]
        {
            await app.GraphQL().PostPersistedAsync(ConditionalRequests.Sha256("# unknown")),
            await app.GraphQL().PostPersistedAsync(ConditionalRequests.Sha256("# other"), "{ roles { totalCount } }"),
        };

        foreach (var response in responses)
        {
            var error = Assert.IsType<JsonObject>(Assert.Single(response.Errors!));
            Assert.Equal(["message", "extensions"], error.Select(p => p.Key));
            Assert.Equal(["code"], error["extensions"]!.AsObject().Select(p => p.Key));
        }
    }
}
