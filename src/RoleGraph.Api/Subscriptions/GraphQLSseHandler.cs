using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RoleGraph.Api.GraphQL.Errors;
using RoleGraph.Api.Hosting;
using RoleGraph.Api.Http;
using RoleGraph.Api.Limits;
using RoleGraph.Api.Security;
using RoleGraph.Api.Telemetry;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// GraphQL over Server-Sent Events, the graphql-sse protocol's distinct connections mode: a GET or POST of the GraphQL
/// endpoint that accepts text/event-stream gets one stream per operation. Each result is an <c>event: next</c>, the
/// end an <c>event: complete</c>; a query or mutation sends one result, a subscription one per event until the client
/// closes the connection. Errors of the document (parse, validation, limits) come as a next event on an accepted
/// stream, as the protocol asks; refusals of the caller (credentials, the subscriber limit, a store not open yet) are
/// HTTP errors before any stream, in the shape of every other error.
/// </summary>
internal sealed partial class GraphQLSseHandler(IDocumentExecuter executer, ISchema schema, IGraphQLTextSerializer serializer, GraphQLAccess access,
    IOptionsMonitor<LimitsOptions> limits, IOptionsMonitor<SubscriptionOptions> options, GraphStoreInitializer initializer, SharedSubscriptions subscriptions,
    RoleGraphMetrics metrics, ILogger<GraphQLSseHandler> logger)
{
    public const string EventStream = "text/event-stream";

    /// <summary>Whether the request asks for a stream: its Accept header names text/event-stream.</summary>
    public static bool Wants(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method))
        && request.Headers.Accept.Any(value => value is not null && value.Contains(EventStream, StringComparison.OrdinalIgnoreCase));

    public async Task HandleAsync(HttpContext context)
    {
        var request = await ReadRequestAsync(context);
        if (request is null)
        {
            return;
        }

        var limit = limits.CurrentValue;
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request has no query.");
            return;
        }

        if (TokenCounter.Count(request.Query, limit.MaxTokens) > limit.MaxTokens)
        {
            await StreamOneAsync(context, Error($"The document has more than {limit.MaxTokens} tokens; the limit (MaxTokens) is {limit.MaxTokens}.", LimitCodes.Tokens));
            return;
        }

        GraphQLDocument? document;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
        }
        catch (GraphQLSyntaxErrorException)
        {
            document = null; // the executer reports the syntax error in its own words, as over plain HTTP
        }

        var operation = GraphQLHttpHandler.SelectedOperation(document, request.OperationName);
        if (HttpMethods.IsGet(context.Request.Method) && operation is OperationType.Mutation)
        {
            context.Response.Headers.Allow = "POST";
            await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, ErrorCodes.BadRequest, "A mutation cannot be sent with GET; use POST.");
            return;
        }

        if (await access.CheckAsync(context, operation) is { } denial)
        {
            await RefuseAsync(context, denial.Status, denial.Code, denial.Message);
            return;
        }

        await initializer.WaitForFirstAttemptAsync(context.RequestAborted);
        if (initializer.NotReadyReason is not null)
        {
            context.Response.Headers.RetryAfter = "5";
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, StoreFaults.CodeOf(initializer.NotReadyCause) ?? ErrorCodes.StoreUnavailable,
                "The graph store is not open yet; try again shortly.");
            return;
        }

        if (operation is not OperationType.Subscription)
        {
            await StreamOneAsync(context, await ExecuteAsync(context, request, document, context.RequestServices, limit.ExecutionTimeout, context.RequestAborted));
            return;
        }

        if (!subscriptions.TryReserve())
        {
            metrics.Refused(SubscriptionCodes.LimitReached);
            context.Response.Headers.RetryAfter = "5";
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, SubscriptionCodes.LimitReached, LimitReached(subscriptions.MaxSubscribers));
            return;
        }

        try
        {
            var settings = options.CurrentValue;
            using var queue = new SubscriberQueue(settings.BufferSize, settings.DropGracePeriod);
            // Streams of the same document, operation, variables and authorization share one execution: a change is
            // executed and serialized once for all of them. The execution gets services and a lifetime of its own,
            // since it outlives the stream that started it. A subscription outlives any execution timeout.
            var key = SubscriptionKey.Of(request, context.User, serializer);
            var unstarted = await subscriptions.JoinAsync(key, queue,
                (services, lifetime) => ExecuteAsync(context, request, document, services, Timeout.InfiniteTimeSpan, lifetime));
            if (unstarted is not null)
            {
                await StreamOneAsync(context, unstarted);
                return;
            }

            await StreamAsync(context, queue, settings.KeepAliveInterval);
        }
        finally
        {
            subscriptions.Release();
        }
    }

    public static string LimitReached(int maxSubscribers) =>
        $"The service already holds {maxSubscribers} subscribers, the limit (RoleGraph:Subscriptions:MaxSubscribers); try again later.";

    private Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLRequest request, GraphQLDocument? document, IServiceProvider services,
        TimeSpan timeout, CancellationToken cancellationToken) =>
        executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
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

    /// <summary>A subscription: events until the client leaves, the source ends, or the connection is dropped.</summary>
    private async Task StreamAsync(HttpContext context, SubscriberQueue queue, TimeSpan keepAlive)
    {
        StartStream(context);
        metrics.SubscriptionOpened();
        var aborted = context.RequestAborted;
        // Writes end when the client leaves, or when a dropped subscriber's connection stays stuck past the grace period.
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(aborted, queue.GraceExpired);
        // One keep-alive clock per stream, restarted before each wait: an event costs no new token source or timer
        // (a change fans out to every stream at once), only a keep-alive that fires makes a new one.
        var idle = CancellationTokenSource.CreateLinkedTokenSource(writing.Token);
        try
        {
            await context.Response.Body.FlushAsync(writing.Token);
            while (queue.DropReason is null)
            {
                idle.CancelAfter(keepAlive);
                bool more;
                try
                {
                    more = await queue.Reader.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!writing.IsCancellationRequested)
                {
                    idle.Dispose();
                    idle = CancellationTokenSource.CreateLinkedTokenSource(writing.Token);
                    await WriteAsync(context, ServerSentEvents.KeepAlive, writing.Token);
                    continue;
                }

                if (!more)
                {
                    break;
                }

                while (queue.DropReason is null && queue.Reader.TryRead(out var json))
                {
                    // "event: next\ndata: {json}\n\n" in one flush, the shared JSON written as it is.
                    var body = context.Response.BodyWriter;
                    body.Write(ServerSentEvents.NextStart);
                    body.Write(json);
                    body.Write(ServerSentEvents.NextEnd);
                    await body.FlushAsync(writing.Token);
                }
            }

            if (queue.DropReason is { } reason)
            {
                metrics.SubscriberDropped(reason.Code);
                LogDropped(logger, context.TraceIdentifier, reason.Message);
                await WriteAsync(context, ServerSentEvents.Next(serializer, Error(reason.Message, reason.Code)), writing.Token);
            }

            await WriteAsync(context, ServerSentEvents.Complete, writing.Token);
        }
        catch (OperationCanceledException) when (writing.IsCancellationRequested)
        {
            // The client left, or a dropped subscriber did not take its last events in time: cut the connection.
            context.Abort();
        }
        catch (IOException)
        {
            context.Abort(); // the connection broke while writing
        }
        finally
        {
            idle.Dispose();
            metrics.SubscriptionClosed();
        }
    }

    private async Task StreamOneAsync(HttpContext context, ExecutionResult result)
    {
        StartStream(context);
        await WriteAsync(context, ServerSentEvents.Next(serializer, result), context.RequestAborted);
        await WriteAsync(context, ServerSentEvents.Complete, context.RequestAborted);
    }

    private static void StartStream(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = $"{EventStream}; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no"; // proxies such as nginx would otherwise hold events back
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    private static async Task WriteAsync(HttpContext context, byte[] bytes, CancellationToken cancellationToken)
    {
        await context.Response.Body.WriteAsync(bytes, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static ExecutionResult Error(string message, string code) => new() { Errors = [new ExecutionError(message) { Code = code }] };

    private async Task RefuseAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = $"{GraphQLMediaTypes.Json}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, Error(message, code), context.RequestAborted);
    }

    private async Task<GraphQLRequest?> ReadRequestAsync(HttpContext context)
    {
        try
        {
            if (HttpMethods.IsPost(context.Request.Method))
            {
                if (!GraphQLMediaTypes.IsJson(context.Request.ContentType))
                {
                    await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.BadRequest,
                        $"POST bodies must be {GraphQLMediaTypes.Json} (UTF-8); got '{context.Request.ContentType ?? "no content type"}'.");
                    return null;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
                {
                    bodySize.MaxRequestBodySize = limits.CurrentValue.MaxRequestBodyBytes;
                }

                return await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted) ?? new GraphQLRequest();
            }

            var query = context.Request.Query;
            return new GraphQLRequest
            {
                Query = query["query"].FirstOrDefault(),
                OperationName = query["operationName"].FirstOrDefault() is { Length: > 0 } name ? name : null,
                Variables = query["variables"].FirstOrDefault() is { Length: > 0 } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = query["extensions"].FirstOrDefault() is { Length: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or BadHttpRequestException)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"The request is not a GraphQL request: {RequestShape.Describe(e)}");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: subscriber dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string requestId, string reason);
}
