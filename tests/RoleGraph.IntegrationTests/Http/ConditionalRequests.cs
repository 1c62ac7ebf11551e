using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Http;

/// <summary>GETs with If-None-Match, persisted-query requests, and the headers the caching tests read.</summary>
internal static class ConditionalRequests
{
    public static string Query(string query) => "query=" + Uri.EscapeDataString(query);

    public static async Task<GraphQLResponse> ConditionalGetAsync(this GraphQLClient client, string queryString, string? ifNoneMatch, string accept = GraphQLClient.ResponseJson)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await GraphQLResponse.ReadAsync(await client.Http.SendAsync(request, TestContext.Current.CancellationToken));
    }

    public static string? ETag(this GraphQLResponse response) => response.Message.Headers.ETag?.ToString();

    /// <summary>Cache-Control as sent (HttpClient would reorder its directives).</summary>
    public static string? CacheControl(this GraphQLResponse response) =>
        response.Message.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? values.ToString() : null;

    public static string Vary(this GraphQLResponse response) => string.Join(", ", response.Message.Headers.Vary);

    /// <summary>The SHA-256 of the query's UTF-8 text in lower-case hex, as Apollo's clients send it.</summary>
    public static string Sha256(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public static string Extensions(string hash, int version = 1) =>
        JsonSerializer.Serialize(new { persistedQuery = new { version, sha256Hash = hash } });

    /// <summary>A persisted-query GET: the hash in extensions, the query only when given.</summary>
    public static Task<GraphQLResponse> GetPersistedAsync(this GraphQLClient client, string hash, string? query = null, string? ifNoneMatch = null) =>
        client.ConditionalGetAsync((query is null ? "" : Query(query) + "&") + "extensions=" + Uri.EscapeDataString(Extensions(hash)), ifNoneMatch);

    /// <summary>A persisted-query POST: the hash in extensions, the query only when given.</summary>
    public static Task<GraphQLResponse> PostPersistedAsync(this GraphQLClient client, string hash, string? query = null, int version = 1) =>
        client.PostRawAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["query"] = query,
            ["extensions"] = new { persistedQuery = new { version, sha256Hash = hash } },
        }));
}
