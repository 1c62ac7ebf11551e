using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Robustness;

/// <summary>What the robustness tests send: bodies with characters a serializer would not write, and the checks every answer must pass.</summary>
internal static class RobustRequests
{
    /// <summary>A lone high surrogate, which no serializer writes; it is sent as the JSON escape \ud800.</summary>
    public const char LoneSurrogate = '\uD800';

    /// <summary>The private-use character that stands in for <see cref="LoneSurrogate"/> until the body is written.</summary>
    private const char Stand = '\uE123';

    /// <summary>
    /// Serializes the request; every lone surrogate in its strings (keys too, and also inside a JSON document built
    /// with <see cref="Json"/> and passed as a string) goes on the wire as the escape \ud800, which is what a client
    /// that does not check would send.
    /// </summary>
    public static string Body(string query, object? variables) =>
        // The default encoder escapes every non-ASCII character, so the stand-in is always the text \ue123.
        Json(new { query, variables }).Replace("\\ue123", "\\ud800", StringComparison.OrdinalIgnoreCase);

    /// <summary>JSON text of a value with every lone surrogate written as the stand-in (see <see cref="Body"/>).</summary>
    public static string Json(object? value) => JsonSerializer.Serialize(value, StandIn);

    // A serializer would turn a lone surrogate into U+FFFD on its way to UTF-8, so strings (values and keys) carry
    // the stand-in instead, which the default encoder writes as the escape \ue123.
    private static readonly JsonSerializerOptions StandIn = new() { Converters = { new StandInConverter() } };

    private sealed class StandInConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Replace(LoneSurrogate, Stand));

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.Replace(LoneSurrogate, Stand));
    }

    /// <summary>Sends a request and checks the answer is clean: JSON, no 5xx, no INTERNAL, every error coded.</summary>
    public static async Task<GraphQLResponse> SendAsync(this GraphQLClient client, string query, object? variables = null)
    {
        var response = await client.PostRawAsync(Body(query, variables));
        AssertClean(response, query);
        return response;
    }

    public static void AssertClean(GraphQLResponse response, string what)
    {
        Assert.True((int)response.Status < 500, $"{what}: HTTP {(int)response.Status}: {Shorten(response.Text)}");
        Assert.True(response.Json is not null, $"{what}: not JSON: HTTP {(int)response.Status}: {Shorten(response.Text)}");
        foreach (var error in response.Errors ?? [])
        {
            var code = (string?)error?["extensions"]?["code"];
            Assert.True(code is not null, $"{what}: an error without a code: {Shorten(response.Text)}");
            Assert.True(code != "INTERNAL", $"{what}: INTERNAL: {Shorten(response.Text)}");
        }
    }

    /// <summary>Whether the answer is a refusal (some error), after <see cref="AssertClean"/>.</summary>
    public static bool Refused(this GraphQLResponse response) => response.Errors is { Count: > 0 };

    /// <summary>The whole request refused before anything ran: 400 with a single BAD_REQUEST.</summary>
    public static bool IsRequestRefusal(this GraphQLResponse response) =>
        response.Status == HttpStatusCode.BadRequest && response.Errors is [{ } error] && (string?)error["extensions"]?["code"] == "BAD_REQUEST";

    public static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + $"... ({text.Length} chars)";

    /// <summary>The whole graph exported as JSON text.</summary>
    public static async Task<string> ExportJsonAsync(this GraphQLClient client)
    {
        var response = await client.SendAsync("{ exportTaxonomy(format: JSON) }");
        Assert.False(response.Refused(), response.Text);
        return (string)response.Data!["exportTaxonomy"]!;
    }

    /// <summary>The service still answers a plain read.</summary>
    public static async Task AssertAliveAsync(this GraphQLClient client)
    {
        var response = await client.SendAsync("{ role(id: \"data-scientist\") { id } }");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("data-scientist", (string?)response.Data?["role"]?["id"]);
    }

    /// <summary>The value a string may come back as: itself, or with lone surrogates replaced by U+FFFD.</summary>
    public static bool FaithfullyEqual(string sent, string? received) =>
        received is not null && (received == sent || received == sent.Replace(LoneSurrogate, '\uFFFD'));

    public static string Visible(string s)
    {
        var builder = new StringBuilder();
        foreach (var c in s.Length > 80 ? s[..80] : s)
        {
            builder.Append(c < 0x20 || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return s.Length > 80 ? builder + $"... ({s.Length} chars)" : builder.ToString();
    }
}
