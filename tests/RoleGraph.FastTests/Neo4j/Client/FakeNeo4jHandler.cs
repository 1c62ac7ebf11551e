using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RoleGraph.Tests.Neo4j.Client;

/// <summary>One request the client sent, as the server would have seen it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string Accept, string? ContentType, string? Body)
{
    /// <summary>The Query API's neo4j-cluster-affinity header, when the request carried one.</summary>
    public string? Affinity { get; init; }

    public override string ToString() => $"{Method} {Uri}";
}

/// <summary>
/// Stands in for Neo4j's HTTP API: records every request and answers it with the reply the script gives, in the
/// shapes of Neo4j's HTTP API documentation.
/// </summary>
internal sealed class FakeNeo4jHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> _reply;
    private readonly List<RecordedRequest> _requests = [];

    /// <param name="reply">The reply to a request, given the request and how many came before it.</param>
    public FakeNeo4jHandler(Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> reply) => _reply = reply;

    /// <summary>Answers the n-th request with the n-th reply, and every later one with the last.</summary>
    public FakeNeo4jHandler(params Func<CancellationToken, Task<HttpResponseMessage>>[] replies)
        : this((_, index, token) => replies[Math.Min(index, replies.Length - 1)](token))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Raised when a request arrives, before it is answered.</summary>
    public event Action<RecordedRequest>? Received;

    public const string TransactionId = "17";

    public const string Server = "http://localhost:7474";

    public static string TransactionUri => $"{Server}/db/neo4j/tx/{TransactionId}";

    /// <summary>HTTP 200 with Neo4j's JSON, optionally a Location header (as a transaction's begin answers).</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> Json(string json, HttpStatusCode status = HttpStatusCode.OK, string? location = null) =>
        _ => Task.FromResult(JsonResponse(json, status, location));

    public static HttpResponseMessage JsonResponse(string json, HttpStatusCode status = HttpStatusCode.OK, string? location = null, string? affinity = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (location is not null)
        {
            response.Headers.Location = new Uri(location);
        }

        if (affinity is not null)
        {
            response.Headers.TryAddWithoutValidation("neo4j-cluster-affinity", affinity);
        }

        return response;
    }

    /// <summary>A response with one error, as Neo4j sends statement, security and transaction errors.</summary>
    public static string Error(string code, string message) =>
        $$"""{"results":[],"errors":[{"code":"{{code}}","message":"{{message}}"}]}""";

    /// <summary>What HttpClient throws when nothing listens on the port.</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> ConnectionRefused =>
        _ => Task.FromException<HttpResponseMessage>(
            new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (localhost:7474)", new SocketException((int)SocketError.ConnectionRefused)));

    /// <summary>A server that never answers: the request ends only when its token is cancelled.</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> NeverAnswers =>
        async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        };

    public static Func<CancellationToken, Task<HttpResponseMessage>> Ok => Json("""{"results":[],"errors":[]}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Headers.Accept.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            body)
        {
            Affinity = request.Headers.TryGetValues("neo4j-cluster-affinity", out var affinity) ? affinity.FirstOrDefault() : null,
        };
        int index;
        lock (_requests)
        {
            index = _requests.Count;
            _requests.Add(recorded);
        }

        Received?.Invoke(recorded);
        return await _reply(recorded, index, cancellationToken);
    }
}
