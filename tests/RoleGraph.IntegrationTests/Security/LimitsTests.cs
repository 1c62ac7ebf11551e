using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Store;
using RoleGraph.Embedded;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Security;

/// <summary>Each limit, when breached, answers with its own code and a message naming the limit and its value.</summary>
public sealed class LimitsTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    private static void AssertBreach(GraphQLResponse response, string code, string limit, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.SingleErrorCode());
        Assert.Contains(limit, (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Depth_beyond_six_is_refused()
    {
        var response = await app.GraphQL().PostAsync("{ role(id: \"data-scientist\") { skills { skill { roles { role { skills { skill { id } } } } } } } }");
        AssertBreach(response, "MAX_DEPTH_EXCEEDED", "(MaxDepth) is 6");
    }

    [Fact]
    public async Task Depth_counts_through_fragments()
    {
        var response = await app.GraphQL().PostAsync("""
            { role(id: "data-scientist") { ...R } }
            fragment R on Role { skills { skill { roles { role { skills { skill { id } } } } } } }
            """);
        AssertBreach(response, "MAX_DEPTH_EXCEEDED", "MaxDepth");
    }

    [Fact]
    public async Task Cost_beyond_5000_is_refused()
    {
        // Six levels at most, but pages of 100 with nested lists: an estimated cost of about 26,500.
        var response = await app.GraphQL().PostAsync("""
            { a: roles(first: 100) { nodes { skills { skill { id name } } tools { tool { id name } } responsibilities { id name } } }
              b: skills(first: 100) { nodes { roles { role { id name } } tools { id name } } } }
            """);
        AssertBreach(response, "MAX_COMPLEXITY_EXCEEDED", "(MaxComplexity) is 5000");
    }

    [Fact]
    public async Task A_fragment_bomb_is_refused_by_cost()
    {
        var response = await app.GraphQL().PostAsync("""
            { ...Q }
            fragment Q on Query { roles(first: 100) { nodes { ...R ...R ...R } } skills(first: 100) { nodes { ...S ...S } } }
            fragment R on Role { skills { skill { id name } } tools { tool { id name } } responsibilities { id name } }
            fragment S on Skill { roles { role { id name } } tools { id name } categories { id name } }
            """);
        AssertBreach(response, "MAX_COMPLEXITY_EXCEEDED", "MaxComplexity");
    }

    [Fact]
    public async Task More_than_15_aliases_are_refused()
    {
        var fields = string.Join(" ", Enumerable.Range(0, 16).Select(i => $"a{i}: roles {{ totalCount }}"));
        AssertBreach(await app.GraphQL().PostAsync("{ " + fields + " }"), "MAX_ALIASES_EXCEEDED", "(MaxAliases) is 15");
    }

    [Fact]
    public async Task More_than_50_directives_are_refused()
    {
        // One directive on each of 51 selections (a directive may stand once per place).
        var fields = string.Concat(Enumerable.Repeat(" __typename @include(if: true)", 51));
        AssertBreach(await app.GraphQL().PostAsync("{" + fields + " }"), "MAX_DIRECTIVES_EXCEEDED", "(MaxDirectives) is 50");
    }

    [Fact]
    public async Task More_than_1000_tokens_are_refused_before_parsing()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("__typename ", 1001)) + "}";
        AssertBreach(await app.GraphQL().PostAsync(query), "MAX_TOKENS_EXCEEDED", "(MaxTokens) is 1000");
        AssertBreach(await app.GraphQL().PostAsync(query, accept: "application/json"), "MAX_TOKENS_EXCEEDED", "MaxTokens", HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_fragment_cycle_is_a_validation_error_not_a_hang()
    {
        var response = await app.GraphQL().PostAsync("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.All(response.Errors!, e => Assert.Equal("GRAPHQL_VALIDATION_FAILED", (string?)e!["extensions"]!["code"]));
    }

    [Fact]
    public async Task The_ides_introspection_query_is_exempt_from_depth_and_cost()
    {
        var data = await app.GraphQL().QueryAsync("""
            { __schema { types { name fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
            """);
        Assert.True(data["__schema"]!["types"]!.AsArray().Count > 20);
    }

    [Fact]
    public async Task Every_response_names_its_request()
    {
        var response = await app.GraphQL().PostAsync("{ roles { totalCount } }");
        Assert.False(string.IsNullOrWhiteSpace(response.Message.Headers.GetValues("X-Request-Id").Single()));
    }
}

/// <summary>Limits that need their own host: body size, timeout, rate, introspection, CORS.</summary>
public sealed class ConfiguredLimitsTests
{
    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        using var app = new RoleGraphApiFactory();
        app.Settings["RoleGraph:Limits:MaxRequestBodyBytes"] = "1000";
        var body = "{\"query\":\"{ roles { totalCount } }\",\"variables\":{\"pad\":\"" + new string('x', 2000) + "\"}}";

        var response = await app.GraphQL().PostRawAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("REQUEST_TOO_LARGE", response.SingleErrorCode());
        Assert.Contains("1000 bytes", (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operation_running_past_the_timeout_is_stopped()
    {
        using var app = new RoleGraphApiFactory
        {
            TestServices = services => services.AddSingleton<IGraphStore>(provider => new SlowSearchStore { Inner = provider.GetRequiredService<EmbeddedGraphStore>() }),
        };
        app.Settings["RoleGraph:Limits:ExecutionTimeout"] = "00:00:00.300";

        var response = await app.GraphQL().PostAsync("{ search(text: \"python\") { kind } }");

        Assert.Equal("EXECUTION_TIMEOUT", response.SingleErrorCode());
        Assert.Contains("00:00:00.3000000, the limit (ExecutionTimeout)", (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_429_and_others_are_unaffected()
    {
        using var app = new RoleGraphApiFactory();
        app.Settings["RoleGraph:Limits:RequestsPerSecond"] = "1";
        app.Settings["RoleGraph:Limits:RequestBurst"] = "2";
        var client = app.GraphQL();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsync("{ roles { totalCount } }")).Status);
        }

        var limited = await client.PostAsync("{ roles { totalCount } }");
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("RATE_LIMITED", limited.SingleErrorCode());
        Assert.Contains("1 per second", (string?)limited.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("1", limited.Message.Headers.RetryAfter!.ToString());

        // Another client (no key, so its address) has its own budget.
        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousGraphQL().PostAsync("{ roles { totalCount } }")).Status);
    }

    [Fact]
    public async Task Introspection_can_be_turned_off()
    {
        using var app = new RoleGraphApiFactory();
        app.Settings["RoleGraph:Limits:AllowIntrospection"] = "false";

        var response = await app.GraphQL().PostAsync("{ __schema { queryType { name } } }");
        var ordinary = await app.GraphQL().PostAsync("{ roles { totalCount } }");

        Assert.Equal("INTROSPECTION_DISABLED", response.SingleErrorCode());
        Assert.Contains("AllowIntrospection", (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ordinary.Status);
    }

    [Fact]
    public async Task Cors_allows_only_the_configured_origins()
    {
        using var app = new RoleGraphApiFactory();
        app.Settings["RoleGraph:Cors:AllowedOrigins:0"] = "https://app.example";
        var http = app.CreateClient();

        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
            return await http.SendAsync(request, TestContext.Current.CancellationToken);
        }

        var allowed = await Preflight("https://app.example");
        var other = await Preflight("https://evil.example");

        Assert.Equal("https://app.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private sealed class SlowSearchStore : DelegatingGraphStore
    {
        public override async ValueTask<GraphSnapshot> ReadAsync(GraphScope scope, CancellationToken cancellationToken)
        {
            if (scope is GraphScope.SearchCandidates)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }

            return await base.ReadAsync(scope, cancellationToken);
        }
    }
}
