using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace RoleGraph.Neo4j.Client;

/// <summary>
/// <see cref="INeo4jClient"/> over Neo4j's HTTP transactional Cypher API (Neo4j 5.26 and 2025.x): auto-committed
/// statements in one round trip, explicit transactions for units of work, Neo4j's error codes turned into typed
/// exceptions, and transient failures retried with exponential backoff.
/// </summary>
internal sealed partial class Neo4jHttpClient : INeo4jClient
{
    private const string DatabaseUnavailable = "Neo.TransientError.General.DatabaseUnavailable";
    private const string TransactionNotFound = "Neo.ClientError.Transaction.TransactionNotFound";

    private readonly HttpClient _httpClient;
    private readonly Neo4jOptions _options;
    private readonly ILogger<Neo4jHttpClient> _logger;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _server;
    private readonly Uri _beginUri;
    private readonly Uri _autoCommitUri;
    private readonly ResiliencePipeline _pipeline;

    public Neo4jHttpClient(HttpClient httpClient, IOptions<Neo4jOptions> options, ILogger<Neo4jHttpClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClient = httpClient;
        _options = options.Value;
        _logger = logger;

        if (_options.Uri is not { IsAbsoluteUri: true } uri)
        {
            throw new ArgumentException($"Neo4j:Uri must be an absolute http(s) URI, not '{_options.Uri}'.", nameof(options));
        }

        // User info in the URI is dropped: credentials travel only in the Authorization header, so no URI the client
        // builds (and no message quoting one) can carry a password.
        _server = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        _beginUri = new Uri($"{_server}/db/{Uri.EscapeDataString(_options.Database)}/tx");
        _autoCommitUri = new Uri($"{_beginUri}/commit");
        _authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.User}:{_options.Password}")));
        _pipeline = BuildPipeline(_options, logger);
    }

    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var body = Neo4jWire.WriteStatements(statements);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (state, token) => new ValueTask<IReadOnlyList<CypherResult>>(
                    state.Client.RunStatementsAsync(state.Client._autoCommitUri, state.Body, state.Count, token)),
                (Client: this, Body: body, statements.Count),
                cancellationToken);
        }
        catch (Neo4jTransientException exception) when (exception.Code == DatabaseUnavailable)
        {
            throw StillUnavailable(exception);
        }
    }

    public async Task<T> ExecuteWriteAsync<T>(Func<INeo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (state, token) => new ValueTask<T>(state.Client.ExecuteWriteOnceAsync(state.Work, token)),
                (Client: this, Work: work),
                cancellationToken);
        }
        catch (Neo4jTransientException exception) when (exception.Code == DatabaseUnavailable)
        {
            throw StillUnavailable(exception);
        }
    }

    /// <summary>Runs statements at a transaction URI (or the auto-commit one) once, without retrying.</summary>
    internal async Task<IReadOnlyList<CypherResult>> RunStatementsAsync(Uri uri, ReadOnlyMemory<byte> body, int statementCount, CancellationToken cancellationToken)
    {
        var (response, _) = await SendAsync(HttpMethod.Post, uri, body, cancellationToken);
        if (response.Results.Count != statementCount)
        {
            throw new Neo4jException(
                "Neo.DatabaseError.General.UnknownError",
                $"POST {uri} returned {response.Results.Count} results for {statementCount} statements.");
        }

        return response.Results;
    }

    private async Task<T> ExecuteWriteOnceAsync<T>(Func<INeo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var (begun, location) = await SendAsync(HttpMethod.Post, _beginUri, Neo4jWire.NoStatements, cancellationToken);
        var transaction = new Neo4jHttpTransaction(this, TransactionUriOf(location, begun.Commit));

        T result;
        try
        {
            result = await work(transaction, cancellationToken);
        }
        catch
        {
            transaction.Close();
            await RollBackAsync(transaction.Uri);
            throw;
        }

        transaction.Close();
        try
        {
            await SendAsync(HttpMethod.Post, transaction.CommitUri, Neo4jWire.NoStatements, cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or Neo4jUnavailableException)
        {
            // The commit may never have arrived, and an open transaction keeps its locks until the server's idle
            // timeout; if it did arrive, the rollback finds nothing (404). An error Neo4j answered needs no
            // rollback: the server has already closed the transaction.
            await RollBackAsync(transaction.Uri);
            if (exception is Neo4jUnavailableException unavailable)
            {
                throw new Neo4jCommitUnknownException(
                    unavailable.Code,
                    $"The commit to Neo4j at {_server} got no answer, so the write may or may not have been applied; read the graph before trying again. {unavailable.Message}",
                    unavailable);
            }

            throw;
        }

        return result;
    }

    /// <summary>
    /// Best effort: the work's own exception is what the caller must see, so a failed rollback is only logged (the
    /// server drops an abandoned transaction after its idle timeout anyway). Runs even when the caller cancelled,
    /// bounded by the request timeout alone.
    /// </summary>
    private async Task RollBackAsync(Uri transactionUri)
    {
        try
        {
            await SendAsync(HttpMethod.Delete, transactionUri, null, CancellationToken.None);
        }
        catch (Neo4jClientException exception) when (exception.Code is TransactionNotFound or "HTTP 404")
        {
            // Neo4j rolls a transaction back itself when a statement in it fails; nothing is left to undo.
        }
        catch (Neo4jException exception)
        {
            LogRollbackFailed(_logger, transactionUri.ToString(), exception);
        }
    }

    /// <summary>
    /// The transaction URI is rebuilt from the id in the server's Location (or commit) URI on the configured server,
    /// so requests, and the credentials with them, go only where the options say even when the server names itself
    /// differently (a mapped port, a proxy).
    /// </summary>
    private Uri TransactionUriOf(Uri? location, string? commit)
    {
        string? path = null;
        if (location is not null)
        {
            path = (location.IsAbsoluteUri ? location : new Uri(_beginUri, location)).AbsolutePath;
        }
        else if (commit is not null && Uri.TryCreate(commit, UriKind.Absolute, out var commitUri)
            && commitUri.AbsolutePath.EndsWith("/commit", StringComparison.Ordinal))
        {
            path = commitUri.AbsolutePath[..^"/commit".Length];
        }

        var id = path?.TrimEnd('/') is { } trimmed ? trimmed[(trimmed.LastIndexOf('/') + 1)..] : null;
        if (string.IsNullOrEmpty(id) || id == "tx")
        {
            throw new Neo4jException(
                "Neo.DatabaseError.General.UnknownError",
                $"POST {_beginUri} opened no transaction Neo4j named (Location '{location}', commit '{commit}').");
        }

        return new Uri($"{_beginUri}/{id}");
    }

    /// <summary>
    /// One HTTP request, not retried: sends, reads the body as it streams in and turns every failure into a
    /// <see cref="Neo4jException"/> except the caller's cancellation, which stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    private async Task<(Neo4jResponse Response, Uri? Location)> SendAsync(HttpMethod method, Uri uri, ReadOnlyMemory<byte>? body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);

        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is { } content)
        {
            request.Content = new ReadOnlyMemoryContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var parsed = await ReadResponseAsync(method, uri, response, timeout.Token);
            var status = (int)response.StatusCode;

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                var detail = parsed?.Error is { } authError ? $"{authError.Code}: {authError.Message}" : $"HTTP {status}";
                throw new Neo4jAuthenticationException(
                    parsed?.Error?.Code ?? $"HTTP {status}",
                    $"Neo4j at {_server} refused {method} {uri} for user '{_options.User}' ({detail}).");
            }

            if (status >= 500)
            {
                var detail = parsed?.Error is { } serverError ? $": {serverError.Code}: {serverError.Message}" : ".";
                throw new Neo4jUnavailableException($"HTTP {status}", $"Neo4j at {_server} answered {method} {uri} with HTTP {status}{detail}");
            }

            if (parsed?.Error is { } error)
            {
                throw ToException(error, method, uri);
            }

            if (parsed is null || !response.IsSuccessStatusCode)
            {
                throw new Neo4jClientException($"HTTP {status}", $"Neo4j at {_server} answered {method} {uri} with HTTP {status}.");
            }

            return (parsed, response.Headers.Location);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Report the caller's own token, not the linked one, so callers can tell their cancellation apart.
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (OperationCanceledException exception)
        {
            throw new Neo4jUnavailableException(
                "Timeout", $"Neo4j at {_server} did not answer {method} {uri} within {_options.RequestTimeout.TotalSeconds:0.###} s.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new Neo4jUnavailableException(
                "ConnectionFailed", $"Could not reach Neo4j at {_server} for {method} {uri}: {exception.Message}", exception);
        }
        catch (IOException exception)
        {
            throw new Neo4jUnavailableException(
                "ConnectionFailed", $"The connection to Neo4j at {_server} broke during {method} {uri}: {exception.Message}", exception);
        }
    }

    /// <summary>The parsed body; null for an error status whose body is not Neo4j's JSON (an empty 404, a proxy's HTML).</summary>
    private async Task<Neo4jResponse?> ReadResponseAsync(HttpMethod method, Uri uri, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            try
            {
                return await Neo4jWire.ReadAsync(stream, cancellationToken);
            }
            catch (JsonException) when (!response.IsSuccessStatusCode)
            {
                return null;
            }
            catch (JsonException exception)
            {
                throw new Neo4jException(
                    "Neo.DatabaseError.General.UnknownError",
                    $"Neo4j at {_server} answered {method} {uri} with a body that is not the HTTP API's JSON: {exception.Message}",
                    exception);
            }
        }
    }

    private Neo4jException ToException(Neo4jError error, HttpMethod method, Uri uri)
    {
        var message = $"Neo4j at {_server} failed {method} {uri}: {error.Code}: {error.Message}";
        var code = error.Code;
        if (code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal))
        {
            return new Neo4jAuthenticationException(code, message);
        }

        // Transient by name, but caused by the client (a terminated or lock-stopped transaction): the official
        // drivers do not retry these either.
        if (code is "Neo.TransientError.Transaction.Terminated" or "Neo.TransientError.Transaction.LockClientStopped")
        {
            return new Neo4jClientException(code, message);
        }

        if (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
        {
            return new Neo4jTransientException(code, message);
        }

        if (code.StartsWith("Neo.ClientError.", StringComparison.Ordinal))
        {
            return new Neo4jClientException(code, message);
        }

        return new Neo4jException(code, message);
    }

    private Neo4jUnavailableException StillUnavailable(Neo4jTransientException exception) =>
        new(exception.Code, $"Neo4j database '{_options.Database}' at {_server} was still unavailable after {_options.MaxRetries} retries. {exception.Message}", exception);

    private static ResiliencePipeline BuildPipeline(Neo4jOptions options, ILogger logger)
    {
        if (options.MaxRetries <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        var maxRetries = options.MaxRetries;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                // Only what waiting can fix: a busy or restarting server, or a connection that failed or timed out.
                // Authentication and statement errors would fail the same way again; the caller's cancellation is
                // an OperationCanceledException and never matches.
                // Running out of memory is "transient" to Neo4j, but the same transaction would run out again.
                ShouldHandle = new PredicateBuilder()
                    .Handle<Neo4jTransientException>(e => !e.Code.Contains("OutOfMemory", StringComparison.Ordinal))
                    .Handle<Neo4jUnavailableException>(),
                MaxRetryAttempts = maxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    var exception = args.Outcome.Exception;
                    LogRetry(logger, (exception as Neo4jException)?.Code ?? exception?.GetType().Name ?? "", args.AttemptNumber + 1, maxRetries, args.RetryDelay.TotalMilliseconds, exception?.Message ?? "");
                    return default;
                },
            })
            .Build();
    }

    // The message, not the exception: an expected outage should not print a stack trace per retry.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Neo4j request failed ({Code}); retry {Retry} of {MaxRetries} in {DelayMilliseconds:0} ms: {Reason}")]
    private static partial void LogRetry(ILogger logger, string code, int retry, int maxRetries, double delayMilliseconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rolling back Neo4j transaction {Transaction} failed; the server drops it when it times out")]
    private static partial void LogRollbackFailed(ILogger logger, string transaction, Exception exception);
}
