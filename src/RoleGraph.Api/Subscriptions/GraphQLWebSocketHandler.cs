using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using RoleGraph.Api.GraphQL.Errors;
using RoleGraph.Api.Hosting;
using RoleGraph.Api.Http;
using RoleGraph.Api.Limits;
using RoleGraph.Api.Security;
using RoleGraph.Api.Telemetry;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// GraphQL over WebSockets, the graphql-transport-ws protocol (graphql-ws): connection_init (checked as reads are:
/// the upgrade request's credentials, or X-Api-Key / Authorization in the init payload, which browsers can send),
/// connection_ack, ping/pong, and per operation subscribe, next, error and complete. Subscriptions share executions
/// with the SSE streams (<see cref="SharedSubscriptions"/>), count against the same limit and get the same bounded
/// queue: an operation that falls behind ends with an error message, and a connection that does not take it in time
/// is closed. The upgrade passes the per-client rate limiter as any request does; after it, each connection's
/// subscribe messages take tokens from a bucket of its own with the same rate and burst, and one refused gets an error
/// message with RATE_LIMITED.
/// </summary>
internal sealed partial class GraphQLWebSocketHandler(IDocumentExecuter executer, ISchema schema, IGraphQLTextSerializer serializer, GraphQLAccess access,
    IOptionsMonitor<LimitsOptions> limits, IOptionsMonitor<SubscriptionOptions> options, GraphStoreInitializer initializer, SharedSubscriptions subscriptions,
    RoleGraphMetrics metrics, ILogger<GraphQLWebSocketHandler> logger)
{
    public const string Protocol = "graphql-transport-ws";

    private static readonly byte[] Ack = """{"type":"connection_ack"}"""u8.ToArray();
    private static readonly byte[] Pong = """{"type":"pong"}"""u8.ToArray();

    private IDocumentExecuter Executer => executer;

    private ISchema Schema => schema;

    private IGraphQLTextSerializer Serializer => serializer;

    private GraphQLAccess Access => access;

    private IOptionsMonitor<LimitsOptions> Limits => limits;

    private IOptionsMonitor<SubscriptionOptions> Options => options;

    private GraphStoreInitializer Initializer => initializer;

    private SharedSubscriptions Subscriptions => subscriptions;

    private RoleGraphMetrics Metrics => metrics;

    private ILogger<GraphQLWebSocketHandler> Logger => logger;

    /// <summary>Whether the request is a WebSocket upgrade asking for graphql-transport-ws.</summary>
    public static bool Wants(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest && context.WebSockets.WebSocketRequestedProtocols.Contains(Protocol, StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync(Protocol);
        using var connection = new Connection(this, context, socket);
        await connection.RunAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: WebSocket subscriber dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string requestId, string reason);

    /// <summary>One WebSocket: its receive loop, its operations by id, and one send at a time.</summary>
    private sealed class Connection(GraphQLWebSocketHandler handler, HttpContext context, WebSocket socket) : IDisposable
    {
        private readonly SemaphoreSlim _sending = new(1, 1);
        private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        private readonly LimitsOptions _limits = handler.Limits.CurrentValue;
        private readonly TokenBucketRateLimiter _operationRate = OperationRate(handler.Limits.CurrentValue);
        private bool _initialised;
        private bool _acknowledged;

        public async Task RunAsync()
        {
            _ = CloseUnlessInitialisedAsync(handler.Options.CurrentValue.ConnectionInitTimeout);
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    if (await ReceiveAsync(_closing.Token) is not { } message)
                    {
                        return;
                    }

                    if (!await HandleAsync(message))
                    {
                        await AwaitClientCloseAsync();
                        return;
                    }
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                // The client left or the connection broke.
            }
            finally
            {
                _closing.Cancel();
            }
        }

        public void Dispose()
        {
            _closing.Cancel();
            foreach (var operation in _operations.Values)
            {
                operation.Cancel();
            }

            _closing.Dispose();
            _operationRate.Dispose();
        }

        private static TokenBucketRateLimiter OperationRate(LimitsOptions limits) => new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.RequestBurst,
            TokensPerPeriod = limits.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });

        /// <summary>
        /// Closes with 4408 a connection that sent no connection_init in time. A timer, not a cancelled receive:
        /// cancelling a WebSocket's receive aborts the socket, and the client would get no close code.
        /// </summary>
        private async Task CloseUnlessInitialisedAsync(TimeSpan timeout)
        {
            try
            {
                await Task.Delay(timeout, _closing.Token);
                if (!_initialised)
                {
                    await CloseAsync(4408, "Connection initialisation timeout");
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                // The connection ended first.
            }
        }

        /// <summary>One message; false when the connection was closed for it.</summary>
        private async Task<bool> HandleAsync(byte[] message)
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(message);
            }
            catch (JsonException)
            {
                node = null;
            }

            var type = node is JsonObject ? node["type"]?.GetValueKind() == JsonValueKind.String ? (string?)node["type"] : null : null;
            switch (type)
            {
                case "connection_init":
                    return await InitialiseAsync(node!["payload"] as JsonObject);
                case "ping":
                    await SendAsync(Pong, _closing.Token);
                    return true;
                case "pong":
                    return true;
                case "subscribe" when !_acknowledged:
                    await CloseAsync(4401, "Unauthorized");
                    return false;
                case "subscribe" when node!["id"]?.GetValueKind() == JsonValueKind.String && node["payload"] is JsonObject payload:
                    return await SubscribeAsync((string)node["id"]!, payload);
                case "complete" when node!["id"]?.GetValueKind() == JsonValueKind.String:
                    if (_operations.TryRemove((string)node["id"]!, out var operation))
                    {
                        await operation.CancelAsync();
                    }

                    return true;
                default:
                    await CloseAsync(4400, "Invalid message: expected a graphql-transport-ws message");
                    return false;
            }
        }

        private async Task<bool> InitialiseAsync(JsonObject? payload)
        {
            if (_initialised)
            {
                await CloseAsync(4429, "Too many initialisation requests");
                return false;
            }

            _initialised = true;
            // Browsers cannot set headers on a WebSocket: they may send the same credentials in the init payload.
            foreach (var header in new[] { "X-Api-Key", "Authorization" })
            {
                if (payload?[header]?.GetValueKind() == JsonValueKind.String && !context.Request.Headers.ContainsKey(header))
                {
                    context.Request.Headers[header] = (string)payload[header]!;
                }
            }

            if (await handler.Access.CheckAsync(context, OperationType.Subscription) is { } denial)
            {
                await CloseAsync(4403, $"Forbidden: {denial.Code}");
                return false;
            }

            _acknowledged = true;
            await SendAsync(Ack, _closing.Token);
            return true;
        }

        private async Task<bool> SubscribeAsync(string id, JsonObject payload)
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
            if (!_operations.TryAdd(id, stop))
            {
                stop.Dispose();
                await CloseAsync(4409, $"Subscriber for {(id.Length > 64 ? id[..64] : id)} already exists");
                return false;
            }

            GraphQLRequest request;
            try
            {
                request = handler.Serializer.Deserialize<GraphQLRequest>(payload.ToJsonString()) ?? new GraphQLRequest();
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
            {
                _operations.TryRemove(id, out _);
                stop.Dispose();
                await CloseAsync(4400, "Invalid message: the subscribe payload is not a GraphQL request");
                return false;
            }

            _ = RunOperationAsync(id, request, stop);
            return true;
        }

        private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource stop)
        {
            try
            {
                await OperateAsync(id, request, stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                // Completed by the client, or the connection ended.
            }
            finally
            {
                if (_operations.TryGetValue(id, out var current) && current == stop)
                {
                    _operations.TryRemove(id, out _);
                }

                stop.Dispose();
            }
        }

        private async Task OperateAsync(string id, GraphQLRequest request, CancellationToken cancellationToken)
        {
            var limit = handler.Limits.CurrentValue;
            using (var lease = _operationRate.AttemptAcquire())
            {
                if (!lease.IsAcquired)
                {
                    handler.Metrics.Refused(LimitCodes.RateLimited);
                    await SendErrorAsync(id, $"Too many operations: each connection may start {_limits.RequestsPerSecond} per second (bursts of {_limits.RequestBurst}); retry after a second.",
                        LimitCodes.RateLimited, cancellationToken);
                    return;
                }
            }

            if (string.IsNullOrWhiteSpace(request.Query))
            {
                await SendErrorAsync(id, "The request has no query.", ErrorCodes.BadRequest, cancellationToken);
                return;
            }

            if (TokenCounter.Count(request.Query, limit.MaxTokens) > limit.MaxTokens)
            {
                await SendErrorAsync(id, $"The document has more than {limit.MaxTokens} tokens; the limit (MaxTokens) is {limit.MaxTokens}.", LimitCodes.Tokens, cancellationToken);
                return;
            }

            GraphQLDocument? document;
            try
            {
                document = GraphQLParser.Parser.Parse(request.Query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
            }
            catch (GraphQLSyntaxErrorException)
            {
                document = null; // the executer reports the syntax error in its own words
            }

            var operation = GraphQLHttpHandler.SelectedOperation(document, request.OperationName);
            if (operation is OperationType.Mutation && await handler.Access.CheckAsync(context, operation) is { } denial)
            {
                await SendErrorAsync(id, denial.Message, denial.Code, cancellationToken);
                return;
            }

            if (handler.Initializer.NotReadyReason is not null)
            {
                await SendErrorAsync(id, "The graph store is not open yet; try again shortly.",
                    StoreFaults.CodeOf(handler.Initializer.NotReadyCause) ?? ErrorCodes.StoreUnavailable, cancellationToken);
                return;
            }

            if (operation is not OperationType.Subscription)
            {
                await SendResultAsync(id, await ExecuteAsync(request, document, context.RequestServices, limit.ExecutionTimeout, cancellationToken), cancellationToken);
                return;
            }

            if (!handler.Subscriptions.TryReserve())
            {
                handler.Metrics.Refused(SubscriptionCodes.LimitReached);
                await SendErrorAsync(id, GraphQLSseHandler.LimitReached(handler.Subscriptions.MaxSubscribers), SubscriptionCodes.LimitReached, cancellationToken);
                return;
            }

            try
            {
                var settings = handler.Options.CurrentValue;
                using var queue = new SubscriberQueue(settings.BufferSize, settings.DropGracePeriod);
                var key = SubscriptionKey.Of(request, context.User, handler.Serializer);
                var unstarted = await handler.Subscriptions.JoinAsync(key, queue,
                    (services, lifetime) => ExecuteAsync(request, document, services, Timeout.InfiniteTimeSpan, lifetime));
                if (unstarted is not null)
                {
                    await SendResultAsync(id, unstarted, cancellationToken);
                    return;
                }

                await StreamAsync(id, queue, cancellationToken);
            }
            finally
            {
                handler.Subscriptions.Release();
            }
        }

        private async Task StreamAsync(string id, SubscriberQueue queue, CancellationToken cancellationToken)
        {
            handler.Metrics.SubscriptionOpened();
            try
            {
                using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, queue.GraceExpired);
                var start = Encoding.UTF8.GetBytes($$"""{"id":"{{JsonEncodedText.Encode(id)}}","type":"next","payload":""");
                try
                {
                    while (queue.DropReason is null && await queue.Reader.WaitToReadAsync(sending.Token))
                    {
                        while (queue.DropReason is null && queue.Reader.TryRead(out var json))
                        {
                            await SendAsync([.. start, .. json, (byte)'}'], sending.Token);
                        }
                    }

                    if (queue.DropReason is { } reason)
                    {
                        handler.Metrics.SubscriberDropped(reason.Code);
                        LogDropped(handler.Logger, context.TraceIdentifier, reason.Message);
                        await SendErrorAsync(id, reason.Message, reason.Code, sending.Token);
                        return;
                    }

                    await SendAsync(Complete(id), sending.Token);
                }
                catch (OperationCanceledException) when (queue.GraceExpired.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // A dropped subscriber whose connection did not take its last messages in time: cut it.
                    context.Abort();
                }
            }
            finally
            {
                handler.Metrics.SubscriptionClosed();
            }
        }

        private Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, GraphQLDocument? document, IServiceProvider services, TimeSpan timeout,
            CancellationToken cancellationToken) =>
            handler.Executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = handler.Schema,
                Document = document,
                Query = document is null ? request.Query : null,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = services,
                User = context.User,
                UserContext = new Dictionary<string, object?> { [UnhandledErrorLogger.RequestIdKey] = context.TraceIdentifier },
                Timeout = timeout,
                CancellationToken = cancellationToken,
            });

        /// <summary>An executed result is next and complete; one that never executed (parse, validation) is an error message.</summary>
        private async Task SendResultAsync(string id, ExecutionResult result, CancellationToken cancellationToken)
        {
            if (!result.Executed && result.Errors is { Count: > 0 })
            {
                await SendAsync(ErrorMessage(id, result), cancellationToken);
                return;
            }

            var json = ServerSentEvents.Json(handler.Serializer, result);
            await SendAsync([.. Encoding.UTF8.GetBytes($$"""{"id":"{{JsonEncodedText.Encode(id)}}","type":"next","payload":"""), .. json, (byte)'}'], cancellationToken);
            await SendAsync(Complete(id), cancellationToken);
        }

        private Task SendErrorAsync(string id, string message, string code, CancellationToken cancellationToken) =>
            SendAsync(ErrorMessage(id, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] }), cancellationToken);

        private byte[] ErrorMessage(string id, ExecutionResult result)
        {
            var errors = JsonNode.Parse(handler.Serializer.Serialize(result))?["errors"]?.ToJsonString() ?? "[]";
            return Encoding.UTF8.GetBytes($$"""{"id":"{{JsonEncodedText.Encode(id)}}","type":"error","payload":{{errors}}}""");
        }

        private static byte[] Complete(string id) => Encoding.UTF8.GetBytes($$"""{"id":"{{JsonEncodedText.Encode(id)}}","type":"complete"}""");

        private async Task SendAsync(byte[] message, CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _sending.Release();
            }
        }

        /// <summary>A whole text message, at most the request body limit; null when the client closed.</summary>
        private async Task<byte[]?> ReceiveAsync(CancellationToken cancellationToken)
        {
            var maxBytes = handler.Limits.CurrentValue.MaxRequestBodyBytes;
            using var message = new MemoryStream();
            var buffer = new byte[4096];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, null);
                    return null;
                }

                message.Write(buffer, 0, received.Count);
                if (message.Length > maxBytes)
                {
                    await CloseAsync(4400, $"Invalid message: longer than {maxBytes} bytes (MaxRequestBodyBytes)");
                    return null;
                }

                if (received.EndOfMessage)
                {
                    return message.ToArray();
                }
            }
        }

        private Task CloseAsync(int code, string? reason) => CloseAsync((WebSocketCloseStatus)code, reason);

        private async Task CloseAsync(WebSocketCloseStatus status, string? reason)
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _sending.WaitAsync(timeout.Token);
                try
                {
                    await socket.CloseOutputAsync(status, reason, timeout.Token);
                }
                finally
                {
                    _sending.Release();
                }
            }
        }

        /// <summary>After closing: the client's close frame, so the connection ends with the handshake, not a reset (5 s at most).</summary>
        private async Task AwaitClientCloseAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var buffer = new byte[1024];
            while (socket.State == WebSocketState.CloseSent)
            {
                if ((await socket.ReceiveAsync(buffer, timeout.Token)).MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
    }
}
