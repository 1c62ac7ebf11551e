using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using RoleGraph.Api.GraphQL.Errors;

namespace RoleGraph.Api.Http;

/// <summary>
/// Apollo's automatic persisted queries: a request may carry <c>extensions.persistedQuery</c>
/// (<c>{"version": 1, "sha256Hash": "…"}</c>) instead of its query, once the query was sent with that hash. A hash
/// this server does not know answers PERSISTED_QUERY_NOT_FOUND (HTTP 200: Apollo's clients then send the query with
/// the hash); a query with a hash is checked against the hash and kept. Works alike over GET and POST.
/// </summary>
internal sealed class AutomaticPersistedQueries(IOptions<HttpCachingOptions> options)
{
    public const string ExtensionName = "persistedQuery";

    /// <summary>The messages Apollo's clients (and Relay and graphql-java helpers) recognise, besides the code.</summary>
    private const string NotFoundMessage = "PersistedQueryNotFound";
    private const string NotSupportedMessage = "PersistedQueryNotSupported";

    private const int HashLength = 64;

    private readonly bool _enabled = options.Value.PersistedQueries;

    public PersistedQueryCache Cache { get; } = new(Math.Max(2, options.Value.MaxPersistedQueries));

    public sealed record Failure(int Status, string Code, string Message);

    /// <summary>
    /// Puts the persisted query's text into <paramref name="request"/> when it names one by hash, and checks and keeps
    /// the query when it comes with its hash. Null when the request can go on (also when it uses no persisted query).
    /// </summary>
    public Failure? Resolve(GraphQLRequest request)
    {
        if (request.Extensions is not { } extensions || !extensions.TryGetValue(ExtensionName, out var extension) || extension is null)
        {
            return null;
        }

        if (!_enabled)
        {
            return new Failure(StatusCodes.Status200OK, ErrorCodes.PersistedQueryNotSupported, NotSupportedMessage);
        }

        if (extension is not IReadOnlyDictionary<string, object?> persisted
            || !persisted.TryGetValue("version", out var version) || !IsOne(version)
            || !persisted.TryGetValue("sha256Hash", out var hashValue) || hashValue is not string { Length: > 0 } hash)
        {
            return new Failure(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<SHA-256 of the query, hex>\"}.");
        }

        hash = hash.ToLowerInvariant();
        if (string.IsNullOrEmpty(request.Query))
        {
            if (hash.Length == HashLength && Cache.Get(hash) is { } known)
            {
                request.Query = known;
                return null;
            }

            return new Failure(StatusCodes.Status200OK, ErrorCodes.PersistedQueryNotFound, NotFoundMessage);
        }

        if (hash.Length == HashLength)
        {
            // A query this server already holds under the hash needs no second SHA-256.
            if (string.Equals(Cache.Get(hash), request.Query, StringComparison.Ordinal))
            {
                return null;
            }

            if (HashOf(request.Query, hash))
            {
                Cache.Add(hash, request.Query);
                return null;
            }
        }

        return new Failure(StatusCodes.Status400BadRequest, ErrorCodes.PersistedQueryHashMismatch,
            "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query (its UTF-8 text, as hex); the query was not run.");
    }

    private static bool IsOne(object? version) => version switch
    {
        int i => i == 1,
        long l => l == 1,
        decimal m => m == 1,
        double d => d == 1,
        _ => false,
    };

    /// <summary>Whether <paramref name="hash"/> (64 lower-case hex digits) is the SHA-256 of the query's UTF-8 text.</summary>
    private static bool HashOf(string query, string hash)
    {
        var length = Encoding.UTF8.GetMaxByteCount(query.Length);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var utf8 = (Span<byte>)(rented ?? stackalloc byte[1024]);
            var written = Encoding.UTF8.GetBytes(query, utf8);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..written], digest);
            Span<char> hex = stackalloc char[HashLength];
            return Convert.TryToHexStringLower(digest, hex, out _) && hex.SequenceEqual(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
