using System.Net;
using System.Text.Json;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>The GraphQL-over-HTTP rules: methods, media types, status codes, error codes.</summary>
public sealed class HttpProtocolTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    private const string Json = "application/json";
    private const string ResponseJson = GraphQLClient.ResponseJson;

    [Theory]
    [InlineData(ResponseJson, ResponseJson)]
    [InlineData(Json, Json)]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/json;q=0.5, application/graphql-response+json", ResponseJson)]
    [InlineData("application/graphql-response+json;q=0.4, application/json", Json)]
    public async Task Post_answers_in_the_negotiated_media_type(string? accept, string expected)
    {
        var response = await app.GraphQL().PostAsync("{ roles { totalCount } }", accept: accept!);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, response.ContentType);
        Assert.Equal("utf-8", response.Message.Content.Headers.ContentType!.CharSet);
        Assert.Equal(2, (int)response.Data!["roles"]!["totalCount"]!);
    }

    [Theory]
    [InlineData(ResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Parse_failures_are_400_under_graphql_response_json_and_200_under_json(string accept, HttpStatusCode status)
    {
        var response = await app.GraphQL().PostAsync("{ roles { totalCount }", accept: accept);

        Assert.Equal(status, response.Status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", response.SingleErrorCode());
        Assert.Null(response.Data);
        Assert.NotNull(response.Errors![0]!["locations"]);
    }

    [Theory]
    [InlineData(ResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Validation_failures_are_400_under_graphql_response_json_and_200_under_json(string accept, HttpStatusCode status)
    {
        var response = await app.GraphQL().PostAsync("{ roles { salary } }", accept: accept);

        Assert.Equal(status, response.Status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.SingleErrorCode());
        Assert.Contains("salary", (string?)response.Errors![0]!["message"]);
    }

    [Fact]
    public async Task Invalid_variables_are_bad_user_input_and_400()
    {
        var response = await app.GraphQL().PostAsync("query($id: ID!) { role(id: $id) { id } }", variables: new { id = new[] { 1, 2 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());

        var missing = await app.GraphQL().PostAsync("query($id: ID!) { role(id: $id) { id } }");
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("BAD_USER_INPUT", missing.SingleErrorCode());
    }

    [Theory]
    [InlineData("{ \"query\": ")]
    [InlineData("[{ \"query\": \"{ roles { totalCount } }\" }]")]
    [InlineData("{ \"query\": 42 }")]
    [InlineData("{ \"variables\": {} }")]
    [InlineData("")]
    public async Task Bodies_that_are_not_graphql_requests_are_400_bad_request(string body)
    {
        foreach (var accept in new[] { ResponseJson, Json })
        {
            var response = await app.GraphQL().PostRawAsync(body, accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("BAD_REQUEST", response.SingleErrorCode());
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Other_content_types_are_415(string contentType)
    {
        var response = await app.GraphQL().PostRawAsync("{\"query\":\"{ roles { totalCount } }\"}", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("BAD_REQUEST", response.SingleErrorCode());
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_406()
    {
        var response = await app.GraphQL().PostAsync("{ roles { totalCount } }", accept: "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal("BAD_REQUEST", response.SingleErrorCode());
    }

    [Fact]
    public async Task Get_runs_queries_with_variables_and_operation_name()
    {
        var query = Uri.EscapeDataString("query A($id: ID!) { role(id: $id) { name } } query B { roles { totalCount } }");
        var variables = Uri.EscapeDataString("{\"id\":\"data-scientist\"}");

        var response = await app.GraphQL().GetAsync($"query={query}&variables={variables}&operationName=A");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Data Scientist", (string?)response.Data!["role"]!["name"]);
    }

    [Fact]
    public async Task Get_refuses_mutations_with_405_and_runs_nothing()
    {
        var response = await app.GraphQL().GetAsync("query=" + Uri.EscapeDataString("mutation { deleteEverything }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("POST", response.Message.Content.Headers.Allow.Single());
        Assert.Equal("BAD_REQUEST", response.SingleErrorCode());
        Assert.Contains("mutation", (string?)response.Errors![0]!["message"]);
    }

    [Fact]
    public async Task Get_without_query_is_400_and_with_bad_variables_json_is_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await app.GraphQL().GetAsync("operationName=x")).Status);
        var badVariables = await app.GraphQL().GetAsync("query=" + Uri.EscapeDataString("{ roles { totalCount } }") + "&variables=%7Bnope");
        Assert.Equal(HttpStatusCode.BadRequest, badVariables.Status);
        Assert.Equal("BAD_REQUEST", badVariables.SingleErrorCode());
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}") };
        var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Field_errors_keep_partial_data_with_200()
    {
        var response = await app.GraphQL().PostAsync("""{ roles { totalCount } overlap(roleIds: ["nope", "data-scientist"]) { jaccard } }""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, (int)response.Data!["roles"]!["totalCount"]!);
        Assert.Null(response.Data["overlap"]);
        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        var client = app.CreateClient();
        var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var store = Assert.Single(report.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("store", store.GetProperty("name").GetString());
        Assert.StartsWith("EmbeddedGraphStore: ", store.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
