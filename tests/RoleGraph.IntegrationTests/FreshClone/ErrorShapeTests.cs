using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Writes;

namespace RoleGraph.Tests.FreshClone;

/// <summary>
/// Every error the endpoint answers, at every status, is {"errors": [{"message", "extensions": {"code"}}]} with a
/// code from the README's table; messages name no .NET types; write errors name the mutation's own arguments.
/// </summary>
public sealed class ErrorShapeTests : IClassFixture<ErrorShapeTests.Service>
{
    /// <summary>The codes the README's table documents (README.md, "Every error carries extensions.code").</summary>
    private static readonly string[] DocumentedCodes =
    [
        "BAD_USER_INPUT", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "INVALID_OPERATION_NAME", "BAD_REQUEST", "NOT_FOUND",
        "UNAUTHENTICATED", "FORBIDDEN", "INTERNAL",
        "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_HASH_MISMATCH", "PERSISTED_QUERY_NOT_SUPPORTED",
    ];

    private readonly RoleGraphApiFactory _app;

    public ErrorShapeTests(Service service) => _app = service.App;

    public sealed class Service : IDisposable
    {
        public RoleGraphApiFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_answer_405_with_allow_and_a_bad_request_error(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql")
        {
            Content = new StringContent("""{"query":"{ roles { totalCount } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", GraphQLClient.ResponseJson);
        var response = await GraphQLResponse.ReadAsync(await _app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("GET, POST", response.Message.Content.Headers.Allow.Count > 0
            ? string.Join(", ", response.Message.Content.Headers.Allow)
            : response.Message.Headers.TryGetValues("Allow", out var allow) ? string.Join(", ", allow) : null);
        var error = AssertDocumentedError(response, "BAD_REQUEST");
        Assert.Contains(method, (string)error["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query A { roles { totalCount } } query B { skills { totalCount } }", "C")] // no such operation
    [InlineData("query A { roles { totalCount } } query B { skills { totalCount } }", null)] // several, none named
    [InlineData("fragment F on Role { id }", null)] // none at all
    public async Task An_operation_that_cannot_be_told_is_invalid_operation_name(string document, string? operationName)
    {
        var response = await _app.GraphQL().PostAsync(document, operationName: operationName);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        AssertDocumentedError(response, "INVALID_OPERATION_NAME");
    }

    [Theory]
    [InlineData("[1, 2]", "expected a JSON object {\"query\"")]
    [InlineData("\"query\"", "expected a JSON object {\"query\"")]
    [InlineData("""{"query": 5}""", "query and operationName strings")]
    [InlineData("""{"query": "{ roles { totalCount } }", "variables": [1]}""", "variables and extensions JSON objects")]
    [InlineData("""{"query": "{ roles { totalCount } }", "variables": "x"}""", "variables and extensions JSON objects")]
    [InlineData("""{"query": "{ roles { totalCount } }", "extensions": 3}""", "variables and extensions JSON objects")]
    [InlineData("{\"query\": ", "malformed JSON")]
    public async Task A_body_that_is_not_a_graphql_request_is_described_without_dotnet_types(string body, string expected)
    {
        var response = await _app.GraphQL().PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var error = AssertDocumentedError(response, "BAD_REQUEST");
        var message = (string)error["message"]!;
        Assert.StartsWith("The body is not a GraphQL request: ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_string_variables_that_are_not_an_object_are_described_without_dotnet_types()
    {
        var response = await _app.GraphQL().GetAsync("query=" + Uri.EscapeDataString("{ roles { totalCount } }") + "&variables=" + Uri.EscapeDataString("[1]"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var error = AssertDocumentedError(response, "BAD_REQUEST");
        Assert.StartsWith("The query string is not a GraphQL request: variables and extensions must each be a JSON object", (string)error["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_errors_name_the_mutations_own_arguments()
    {
        var client = _app.GraphQL();

        var upsert = await client.RefusedAsync("upsertSkill", """mutation { upsertSkill(input: {id: "Not A Slug", name: "Bad"}) { id } }""");
        var link = await client.RefusedAsync("link", """mutation { link(fromId: "ghost", toId: "python", relation: REQUIRES, importance: 2) { importance } }""");
        var delete = await client.RefusedAsync("deleteNode", """mutation { deleteNode(id: "ghost") { changed } }""");

        Assert.Equal("input.id", Assert.Single(upsert).Input());
        Assert.Equal(["fromId"], link.Select(e => e.Input()));
        Assert.Equal("id", Assert.Single(delete).Input());
    }

    [Fact]
    public async Task A_link_of_wrong_kinds_also_reports_its_misplaced_weight()
    {
        // USES joins a role to a tool and carries no level: both problems at once, the second not hidden by the first.
        var errors = await _app.GraphQL().RefusedAsync("link", """mutation { link(fromId: "data-scientist", toId: "python", relation: USES, level: 0.5) { importance } }""");

        Assert.Equal(["relation", "level"], errors.Select(e => e.Input()));
    }

    [Fact]
    public async Task Format_json_refuses_yaml_text()
    {
        var yaml = "formatVersion: 1\ntaxonomy: { name: Yaml }\nnodes:\n  - { id: sql, kind: Skill, name: SQL }\n";
        var errors = await _app.GraphQL().RefusedAsync(
            "importTaxonomy",
            "mutation($document: String!) { importTaxonomy(document: $document, format: JSON, dryRun: true) { changed } }",
            new { document = yaml });

        var error = Assert.Single(errors);
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.Contains("not JSON", error.Message(), StringComparison.Ordinal);
        Assert.Contains("format YAML", error.Message(), StringComparison.Ordinal);
        Assert.Equal(1, (int)error["extensions"]!["line"]!);
    }

    private static JsonNode AssertDocumentedError(GraphQLResponse response, string code)
    {
        Assert.True(response.Json is not null, $"HTTP {(int)response.Status} with a body that is not JSON: '{response.Text}'");
        var error = Assert.Single(response.Errors!)!;
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]), response.Text);
        Assert.Equal(code, (string?)error["extensions"]?["code"]);
        Assert.Contains(code, DocumentedCodes);
        foreach (var typeName in new[] { "GraphQL.", "System.", "could not be converted" })
        {
            Assert.DoesNotContain(typeName, (string)error["message"]!, StringComparison.Ordinal);
        }

        return error;
    }
}
