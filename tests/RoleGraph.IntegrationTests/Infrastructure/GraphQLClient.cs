using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RoleGraph.Tests.Infrastructure;

/// <summary>Sends GraphQL requests over real HTTP to the endpoint and exposes the raw response.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public const string ResponseJson = "application/graphql-response+json";

    public HttpClient Http { get; } = http;

    public Task<GraphQLResponse> PostAsync(string query, object? variables = null, string accept = ResponseJson, string? operationName = null) =>
        PostRawAsync(JsonSerializer.Serialize(new { query, variables, operationName }), accept);

    public async Task<GraphQLResponse> PostRawAsync(string body, string? accept = ResponseJson, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await GraphQLResponse.ReadAsync(await Http.SendAsync(request, TestContext.Current.CancellationToken));
    }

    public async Task<GraphQLResponse> GetAsync(string queryString, string? accept = ResponseJson)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await GraphQLResponse.ReadAsync(await Http.SendAsync(request, TestContext.Current.CancellationToken));
    }

    /// <summary>Posts a query that must succeed and returns its data.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        Assert.True(response.Status == HttpStatusCode.OK, $"HTTP {(int)response.Status}: {response.Text}");
        Assert.True(response.Errors is null, $"Unexpected errors: {response.Errors?.ToJsonString()}");
        return response.Data!;
    }
}

/// <summary>An HTTP response of the GraphQL endpoint, parsed.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, string Text, JsonNode? Json, HttpResponseMessage Message)
{
    public JsonNode? Data => Json?["data"];

    public JsonArray? Errors => Json?["errors"] as JsonArray;

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage message)
    {
        var text = await message.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonNode? json = null;
        try
        {
            json = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (JsonException)
        {
            // Not JSON (the IDE's HTML, the SDL): the raw text is still there for the test to inspect.
        }

        return new GraphQLResponse(message.StatusCode, message.Content.Headers.ContentType?.MediaType, text, json, message);
    }

    /// <summary>The single error's code, after checking that every error carries one.</summary>
    public string SingleErrorCode()
    {
        Assert.NotNull(Errors);
        var error = Assert.Single(Errors);
        return error!["extensions"]!["code"]!.GetValue<string>();
    }
}
