using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace RoleGraph.Neo4j.Client;

/// <summary>
/// What both of Neo4j's HTTP interfaces share (<see cref="Neo4jQueryApiClient"/>, <see cref="Neo4jHttpClient"/>):
/// credentials, time limits per kind of request, Neo4j's error codes turned into typed exceptions, transient
/// failures retried with exponential backoff, and units of work committed or rolled back as a whole.
/// </summary>
internal abstract partial class Neo4jClient : INeo4jClient
{
    /// <summary>Replayed on every request of a Query API transaction, so a cluster (Aura) routes it to the member holding it.</summary>
    internal const string AffinityHeader = "neo4j-cluster-affinity";

    private const string DatabaseUnavailable = "Neo.TransientError.General.DatabaseUnavailable";
    private const string LockAcquisitionTimeout = "Neo.TransientError.Transaction.LockAcquisitionTimeout";
    private const string StatementTimeoutCode = "StatementTimeout";

    private readonly HttpClient _httpClient;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ResiliencePipeline _pipeline;
    private readonly Uri _serverUri;

    protected Neo4jClient(HttpClient httpClient, Neo4jOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClient = httpClient;
        Options = options;
        Logger = logger;

        if (options.Uri is not { IsAbsoluteUri: true } uri)
        {
            throw new ArgumentException($"Neo4j:Uri must be an absolute http(s) URI, not '{options.Uri}'.", nameof(options));
        }

        // User info in the URI is dropped: credentials travel only in the Authorization header, so no URI the client
        // builds (and no message quoting one) can carry a password.
        _serverUri = uri;
        Server = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        DatabaseUri = $"{Server}/db/{Uri.EscapeDataString(options.Database)}";
        _authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        _pipeline = BuildPipeline(options, logger);
    }

    protected Neo4jOptions Options { get; }

    protected ILogger Logger { get; }

    /// <summary>Scheme, host, port and path of Neo4j:Uri, without credentials.</summary>
    protected string Server { get; }

    /// <summary>{server}/db/{database}.</summary>
    protected string DatabaseUri { get; }

    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (state, token) => new ValueTask<IReadOnlyList<CypherResult>>(state.Client.AutoCommitAsync(state.Statements, token)),
                (Client: this, Statements: statements),
                cancellationToken);
        }
        catch (Neo4jTransientException exception) when (exception.Code is DatabaseUnavailable or LockAcquisitionTimeout)
        {
            throw StillFailing(exception);
        }
    }

    public async Task<T> ExecuteWriteAsync<T>(Func<INeo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (state, token) => new ValueTask<T>(state.Client.ExecuteOnceAsync(state.Work, token)),
                (Client: this, Work: work),
                cancellationToken);
        }
        catch (Neo4jTransientException exception) when (exception.Code is DatabaseUnavailable or LockAcquisitionTimeout)
        {
            throw StillFailing(exception);
        }
    }

    /// <summary>Runs statements once, without retrying, as one auto-committed transaction.</summary>
    protected abstract Task<IReadOnlyList<CypherResult>> AutoCommitAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);

    /// <summary>Opens a transaction (or prepares one the first statement opens).</summary>
    protected abstract Task<Neo4jOpenTransaction> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Runs statements in an open transaction once, without retrying.</summary>
    internal abstract Task<IReadOnlyList<CypherResult>> RunInTransactionAsync(
        Neo4jOpenTransaction transaction, IReadOnlyList<CypherStatement> statements, Neo4jRequestKind kind, CancellationToken cancellationToken);

    protected abstract Task CommitAsync(Neo4jOpenTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Sends the rollback; failures are the caller's to judge.</summary>
    protected abstract Task RollBackOnceAsync(Neo4jOpenTransaction transaction);

    /// <summary>Whether a rollback's error says only that the server no longer has the transaction.</summary>
    protected abstract bool IsTransactionGone(Neo4jException exception);

    /// <summary>The API's name in messages.</summary>
    protected abstract string ApiName { get; }

    /// <summary>Parses a response body of this API.</summary>
    protected abstract Task<Neo4jResponse> ReadBodyAsync(Stream body, CancellationToken cancellationToken);

    /// <summary>Begins a transaction, runs the work in it and commits; rolls back on any failure. Not retried.</summary>
    protected async Task<T> ExecuteInTransactionAsync<T>(Func<Neo4jOpenTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var transaction = await BeginAsync(cancellationToken);

        T result;
        try
        {
            result = await work(transaction, cancellationToken);
        }
        catch
        {
            transaction.Close();
            await RollBackAsync(transaction);
            throw;
        }

        transaction.Close();
        try
        {
            await CommitAsync(transaction, cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or Neo4jUnavailableException)
        {
            // The commit may never have arrived, and an open transaction keeps its locks until the server's idle
            // timeout; if it did arrive, the rollback finds nothing. An error Neo4j answered needs no rollback: the
            // server has already closed the transaction.
            await RollBackAsync(transaction);
            if (exception is Neo4jUnavailableException unavailable)
            {
                throw new Neo4jCommitUnknownException(
                    unavailable.Code,
                    $"The commit to Neo4j at {Server} got no answer, so the write may or may not have been applied; read the graph before trying again. {unavailable.Message}",
                    unavailable);
            }

            throw;
        }

        return result;
    }

    private Task<T> ExecuteOnceAsync<T>(Func<INeo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        ExecuteInTransactionAsync<T>((transaction, token) => work(transaction, token), cancellationToken);

    /// <summary>
    /// Best effort: the work's own exception is what the caller must see, so a failed rollback is only logged (the
    /// server drops an abandoned transaction after its idle timeout anyway). Runs even when the caller cancelled,
    /// bounded by the request timeout alone.
    /// </summary>
    private async Task RollBackAsync(Neo4jOpenTransaction transaction)
    {
        if (transaction.Uri is null)
        {
            return;
        }

        try
        {
            await RollBackOnceAsync(transaction);
        }
        catch (Neo4jException exception) when (IsTransactionGone(exception))
        {
            // Neo4j rolls a transaction back itself when a statement in it fails; nothing is left to undo.
        }
        catch (Neo4jException exception)
        {
            LogRollbackFailed(Logger, transaction.Uri.ToString(), exception);
        }
    }

    /// <summary>
    /// One HTTP request, not retried: sends, reads the body as it streams in and turns every failure into a
    /// <see cref="Neo4jException"/> except the caller's cancellation, which stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="statements">The statements the body carries, which name the request's span; null for a transaction step.</param>
    /// <param name="step">The span's name when there are no statements: BEGIN, COMMIT or ROLLBACK.</param>
    protected async Task<Neo4jReply> SendAsync(
        HttpMethod method, Uri uri, ReadOnlyMemory<byte>? body, Neo4jRequestKind kind, string? affinity, IReadOnlyList<CypherStatement>? statements, string step,
        CancellationToken cancellationToken)
    {
        using var activity = Neo4jTelemetry.Start(statements, step, Options.Database, _serverUri);
        try
        {
            return await SendOnceAsync(method, uri, body, kind, affinity, cancellationToken);
        }
        catch (Exception exception)
        {
            Neo4jTelemetry.Fail(activity, exception);
            throw;
        }
    }

    private async Task<Neo4jReply> SendOnceAsync(
        HttpMethod method, Uri uri, ReadOnlyMemory<byte>? body, Neo4jRequestKind kind, string? affinity, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var limit = kind switch
        {
            Neo4jRequestKind.Lock => Options.LockTimeout,
            Neo4jRequestKind.Statement => Options.StatementTimeout,
            _ => Options.RequestTimeout,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);

        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }

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
                    $"Neo4j at {Server} refused {method} {uri} for user '{Options.User}' ({detail}).");
            }

            if (status >= 500)
            {
                var detail = parsed?.Error is { } serverError ? $": {serverError.Code}: {serverError.Message}" : ".";
                throw new Neo4jUnavailableException($"HTTP {status}", $"Neo4j at {Server} answered {method} {uri} with HTTP {status}{detail}");
            }

            if (parsed?.Error is { } error)
            {
                throw ToException(error, method, uri);
            }

            if (parsed is null || !response.IsSuccessStatusCode)
            {
                throw new Neo4jClientException($"HTTP {status}", $"Neo4j at {Server} answered {method} {uri} with HTTP {status}.");
            }

            var replayed = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return new Neo4jReply(parsed, response.Headers.Location, replayed ?? affinity);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Report the caller's own token, not the linked one, so callers can tell their cancellation apart.
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (OperationCanceledException exception)
        {
            var seconds = limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            throw kind switch
            {
                Neo4jRequestKind.Lock => new Neo4jLockTimeoutException(
                    "LockTimeout",
                    $"The graph stayed locked by another write for longer than Neo4j:LockTimeout ({seconds} s); nothing was changed, try again when it has finished.",
                    exception),
                Neo4jRequestKind.Statement => new Neo4jUnavailableException(
                    StatementTimeoutCode,
                    $"Neo4j at {Server} did not finish {method} {uri} within Neo4j:StatementTimeout ({seconds} s); the transaction was rolled back.",
                    exception),
                _ => new Neo4jUnavailableException(
                    "Timeout", $"Neo4j at {Server} did not answer {method} {uri} within {seconds} s.", exception),
            };
        }
        catch (HttpRequestException exception)
        {
            throw new Neo4jUnavailableException(
                "ConnectionFailed", $"Could not reach Neo4j at {Server} for {method} {uri}: {exception.Message}", exception);
        }
        catch (IOException exception)
        {
            throw new Neo4jUnavailableException(
                "ConnectionFailed", $"The connection to Neo4j at {Server} broke during {method} {uri}: {exception.Message}", exception);
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
                return await ReadBodyAsync(stream, cancellationToken);
            }
            catch (JsonException) when (!response.IsSuccessStatusCode)
            {
                return null;
            }
            catch (JsonException exception)
            {
                throw new Neo4jException(
                    "Neo.DatabaseError.General.UnknownError",
                    $"Neo4j at {Server} answered {method} {uri} with a body that is not the {ApiName}'s JSON: {exception.Message}",
                    exception);
            }
        }
    }

    private Neo4jException ToException(Neo4jError error, HttpMethod method, Uri uri)
    {
        var message = $"Neo4j at {Server} failed {method} {uri}: {error.Code}: {error.Message}";
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

    /// <summary>
    /// A database still unavailable after the retries is an outage; a lock Neo4j still could not acquire within its
    /// own lock timeout (db.lock.acquisition.timeout) is a busy graph, retried like the official drivers retry it.
    /// </summary>
    private Neo4jException StillFailing(Neo4jTransientException exception) => exception.Code == LockAcquisitionTimeout
        ? new Neo4jLockTimeoutException(
            exception.Code,
            $"Another write held the graph's lock for longer than Neo4j waits, {Options.MaxRetries + 1} times; nothing was changed. {exception.Message}",
            exception)
        : new Neo4jUnavailableException(
            exception.Code,
            $"Neo4j database '{Options.Database}' at {Server} was still unavailable after {Options.MaxRetries} retries. {exception.Message}",
            exception);

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
                // an OperationCanceledException and never matches. A statement that ran out of its time would be as
                // slow again, and retrying it restarts the whole transaction (an import) from scratch; a lock wait
                // that ran out is a busy graph, not an outage.
                // Running out of memory is "transient" to Neo4j, but the same transaction would run out again.
                ShouldHandle = new PredicateBuilder()
                    .Handle<Neo4jTransientException>(e => !e.Code.Contains("OutOfMemory", StringComparison.Ordinal))
                    .Handle<Neo4jUnavailableException>(e => e.Code != StatementTimeoutCode),
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
