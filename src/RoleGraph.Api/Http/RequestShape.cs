using System.Text.Json;

namespace RoleGraph.Api.Http;

/// <summary>
/// Says what is wrong with a request body or query string that is not a GraphQL request, in the terms of the
/// GraphQL-over-HTTP request ({query, operationName, variables, extensions}), never in the reader's .NET types
/// (System.Text.Json says "could not be converted to GraphQL.Transport.GraphQLRequest"). The request is read by
/// one converter, so the reader's JSON path is "$" whichever member is wrong: the message names the whole shape.
/// </summary>
internal static class RequestShape
{
    private const string Body =
        "expected a JSON object {\"query\": \"...\", \"operationName\": \"...\", \"variables\": {...}, \"extensions\": {...}}: query and operationName strings, variables and extensions JSON objects (or null)";

    private const string QueryString = "variables and extensions must each be a JSON object";

    public static string Describe(Exception exception, bool inQueryString = false)
    {
        var place = exception is JsonException { LineNumber: { } line } json ? $" (line {line + 1}, column {json.BytePositionInLine + 1})" : "";
        var expected = inQueryString ? QueryString : Body;
        if (exception is JsonException && !MentionsTypes(exception.Message) && IsSyntaxError(exception.Message))
        {
            // Malformed JSON: "'x' is an invalid start of a value.", "Expected depth to be zero at the end of the JSON payload."
            return $"malformed JSON{place}: {FirstSentence(exception.Message)}";
        }

        // Well-formed JSON of the wrong shape; the reader's own reason, when it names no .NET type, says what it met.
        var reason = MentionsTypes(exception.Message) ? "" : $" ({FirstSentence(exception.Message).TrimEnd('.')})";
        return $"{expected}{reason}{place}.";
    }

    private static bool IsSyntaxError(string message) =>
        message.Contains("invalid", StringComparison.OrdinalIgnoreCase) || message.Contains("Expected", StringComparison.Ordinal)
        || message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || message.Contains("incomplete", StringComparison.OrdinalIgnoreCase);

    private static bool MentionsTypes(string message) =>
        message.Contains("GraphQL.", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal)
        || message.Contains("could not be converted", StringComparison.Ordinal);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..(cut + 1)]).Trim();
    }
}
