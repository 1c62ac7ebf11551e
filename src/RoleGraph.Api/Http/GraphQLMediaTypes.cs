using Microsoft.Net.Http.Headers;

namespace RoleGraph.Api.Http;

/// <summary>Response media types of the GraphQL-over-HTTP specification, and choosing one from an Accept header.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with, or null when the client accepts neither. No Accept header means
    /// application/json, as the specification asks during its migration period; on equal quality the newer
    /// application/graphql-response+json wins.
    /// </summary>
    public static string? Negotiate(IList<string> acceptHeaders)
    {
        if (acceptHeaders.Count == 0 || !MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0)
        {
            return Json;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var candidate in accepted)
        {
            var quality = candidate.Quality ?? 1.0;
            var type = candidate.MediaType.Value;
            var offer = type switch
            {
                GraphQLResponseJson => GraphQLResponseJson,
                Json or "application/*" or "*/*" => Json,
                _ => null,
            };

            if (offer is null || quality <= 0)
            {
                continue;
            }

            if (quality > bestQuality || (quality == bestQuality && offer == GraphQLResponseJson))
            {
                (best, bestQuality) = (offer, quality);
            }
        }

        return best;
    }

    public static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) || parsed.MediaType.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
        && (parsed.Charset.Length == 0 || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
