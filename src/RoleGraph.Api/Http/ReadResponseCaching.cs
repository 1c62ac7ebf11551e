using System.Runtime.InteropServices;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using RoleGraph.Api.GraphQL.Errors;
using RoleGraph.Api.Limits;
using RoleGraph.Api.Security;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.Http;

/// <summary>
/// Conditional GETs of queries. A successful GET query answers with an ETag made of the graph's revision (read
/// before the query runs, so a write during it can only make the tag older, never newer than the answer) and a
/// 64-bit hash of what decides the answer: the query text, operation name, variables and media type. A GET whose
/// If-None-Match holds the current tag answers 304 without running anything, until a write changes the revision.
/// Tags are valid for the life of the process (they carry a per-process seed) and change when the limits do.
/// </summary>
internal sealed class ReadResponseCaching
{
    private readonly IGraphStore _store;
    private readonly IOptionsMonitor<HttpCachingOptions> _options;
    private readonly IOptionsMonitor<AuthOptions> _auth;
    private long _epoch = Random.Shared.NextInt64();

    public ReadResponseCaching(IGraphStore store, IOptionsMonitor<HttpCachingOptions> options, IOptionsMonitor<AuthOptions> auth, IOptionsMonitor<LimitsOptions> limits)
    {
        _store = store;
        _options = options;
        _auth = auth;

        // A 304 skips validation; an answer that new limits would refuse must not be confirmed.
        limits.OnChange(_ => Interlocked.Increment(ref _epoch));
    }

    /// <summary>The tag a successful answer to this GET query would carry now; null when tags are off or the store does not answer.</summary>
    public async ValueTask<string?> TagAsync(GraphQLRequest request, string? variablesText, string mediaType, CancellationToken cancellationToken)
    {
        if (!_options.CurrentValue.ETags)
        {
            return null;
        }

        long revision;
        try
        {
            revision = await _store.GetRevisionAsync(cancellationToken);
        }
        catch (Exception e) when (StoreFaults.IsOutage(e))
        {
            // Untagged: the query itself will meet the outage and report it.
            return null;
        }

        return Tag(revision, Interlocked.Read(ref _epoch), mediaType, request.Query!, request.OperationName, variablesText);
    }

    /// <summary>
    /// Answers 304 with the tag's headers when If-None-Match holds the tag; otherwise does nothing. A tag is only
    /// ever issued with a successful answer, so holding it means that answer stands. <c>*</c> is not honoured: it
    /// would confirm an answer that may be an error, which is never tagged.
    /// </summary>
    public bool TryAnswerNotModified(HttpContext context, string tag)
    {
        if (!Matches(context.Request.Headers.IfNoneMatch, tag))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status304NotModified;
        AddHeaders(context.Response, tag);
        return true;
    }

    /// <summary>The headers of a successful, tagged answer (a 304 repeats them, as HTTP asks).</summary>
    public void AddHeaders(HttpResponse response, string tag)
    {
        var headers = response.Headers;
        headers.ETag = tag;
        if (_options.CurrentValue.CacheControl is { Length: > 0 } cacheControl)
        {
            headers.CacheControl = cacheControl;
        }

        // The media type depends on Accept; when reads need credentials, a shared cache must not hand an answer to
        // a request with other credentials (or none) without asking. Appended: CORS may have added Origin already.
        headers.Append(HeaderNames.Vary, _auth.CurrentValue.RequireAuthForReads ? VaryWithCredentials : VaryAccept);
    }

    /// <summary>A GET answer that is not a successful query (errors, partial data) is never kept by any cache.</summary>
    public static void ForbidStoring(HttpResponse response) => response.Headers.CacheControl = "no-store";

    private const string VaryAccept = "Accept";
    private const string VaryWithCredentials = "Accept, Authorization, X-Api-Key";

    private static bool Matches(StringValues ifNoneMatch, string tag)
    {
        foreach (var value in ifNoneMatch)
        {
            // Tags are quoted and hold only hex digits and a dash, so finding one in the list is matching it (W/ or not).
            if (value is not null && value.Contains(tag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Tag(long revision, long epoch, string mediaType, string query, string? operationName, string? variables)
    {
        // Two differently seeded 32-bit hashes make 64 bits; HashCode's per-process seed suits tags that die with the process.
        // (Their first inputs differ so that their states do; long's own hash would fold ~epoch onto epoch.)
        var low = new HashCode();
        var high = new HashCode();
        low.Add(0);
        high.Add(1);
        low.Add(epoch);
        high.Add(epoch);
        foreach (var part in (ReadOnlySpan<string?>)[mediaType, query, operationName, variables])
        {
            var bytes = MemoryMarshal.AsBytes((part ?? "").AsSpan());
            low.Add(part is null ? -1 : part.Length);
            high.Add(part is null ? -1 : part.Length);
            low.AddBytes(bytes);
            high.AddBytes(bytes);
        }

        var hash = ((ulong)(uint)high.ToHashCode() << 32) | (uint)low.ToHashCode();
        Span<char> text = stackalloc char[40];
        text[0] = '"';
        revision.TryFormat(text[1..], out var written, "x");
        var at = 1 + written;
        text[at++] = '-';
        hash.TryFormat(text[at..], out written, "x16");
        at += written;
        text[at++] = '"';
        return new string(text[..at]);
    }
}
