using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RoleGraph.Api.GraphQL;
using RoleGraph.Api.GraphQL.Errors;
using RoleGraph.Api.Hosting;
using RoleGraph.Api.Limits;
using RoleGraph.Api.Security;
using RoleGraph.Api.Subscriptions;

namespace RoleGraph.Api.Http;

/// <summary>
/// RoleGraph's GraphQL-over-HTTP endpoint. POST takes application/json bodies; GET takes the request in the
/// query string and runs queries only. Request errors (parse, validation, variable coercion) answer 400 under
/// application/graphql-response+json and 200 under application/json, as the specification asks; a body or query
/// string that is not a GraphQL request at all answers 400 under both. Successful GET queries carry an ETag and
/// answer 304 to a matching If-None-Match (<see cref="ReadResponseCaching"/>); both methods take Apollo's automatic
/// persisted queries (<see cref="AutomaticPersistedQueries"/>).
/// </summary>
internal sealed class GraphQLHttpHandler(IDocumentExecuter executer, ISchema schema, IGraphQLTextSerializer serializer, GraphQLAccess access, IOptionsMonitor<LimitsOptions> limits, ValidatedDocumentCache validated, GraphStoreInitializer initializer,
    ReadResponseCaching caching, AutomaticPersistedQueries persisted, WriteAnswers writeAnswers)
{
    public async Task PostAsync(HttpContext context)
    {
        var mediaType = GraphQLMediaTypes.Negotiate(context.Request.Headers.Accept);
        if (mediaType is null)
        {
            await NotAcceptableAsync(context);
            return;
        }

        if (!GraphQLMediaTypes.IsJson(context.Request.ContentType))
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, mediaType,
                $"POST bodies must be {GraphQLMediaTypes.Json} (UTF-8); got '{context.Request.ContentType ?? "no content type"}'.");
            return;
        }

        var maxBytes = limits.CurrentValue.MaxRequestBodyBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            await TooLargeAsync(context, mediaType, maxBytes);
            return;
        }

        // Kestrel enforces the limit on bodies without a length as they stream in.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes;
        }

        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLargeAsync(context, mediaType, maxBytes);
            return;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, $"The body is not a GraphQL request: {RequestShape.Describe(e)}");
            return;
        }

        if (await PrepareAsync(context, request, mediaType, overGet: false) is { } prepared)
        {
            await ExecuteAsync(context, prepared, mediaType, tag: null);
        }
    }

    public async Task GetAsync(HttpContext context)
    {
        if (context.Request.Query.ContainsKey("sdl"))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(SchemaSdl.Print(schema), context.RequestAborted);
            return;
        }

        var mediaType = GraphQLMediaTypes.Negotiate(context.Request.Headers.Accept);
        if (mediaType is null)
        {
            await NotAcceptableAsync(context);
            return;
        }

        GraphQLRequest request;
        string? variablesText;
        try
        {
            var query = context.Request.Query;
            variablesText = query["variables"].FirstOrDefault() is { Length: > 0 } variables ? variables : null;
            request = new GraphQLRequest
            {
                Query = query["query"].FirstOrDefault(),
                OperationName = query["operationName"].FirstOrDefault() is { Length: > 0 } name ? name : null,
                Variables = variablesText is null ? null : serializer.Deserialize<Inputs>(variablesText),
                Extensions = query["extensions"].FirstOrDefault() is { Length: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, $"The query string is not a GraphQL request: {RequestShape.Describe(e, inQueryString: true)}");
            return;
        }

        if (await PrepareAsync(context, request, mediaType, overGet: true) is { } prepared)
        {
            // Only a query can be tagged; the tag is computed (and the revision read) before anything runs.
            var tag = prepared.Operation == OperationType.Query
                ? await caching.TagAsync(request, variablesText, mediaType, context.RequestAborted)
                : null;
            if (tag is not null && caching.TryAnswerNotModified(context, tag))
            {
                return;
            }

            await ExecuteAsync(context, prepared, mediaType, tag);
        }
    }

    /// <summary>PUT, DELETE and the like: 405 with the methods that work, in the shape of every other error.</summary>
    public async Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "GET, POST";
        var mediaType = GraphQLMediaTypes.Negotiate(context.Request.Headers.Accept) ?? GraphQLMediaTypes.Json;
        await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, mediaType,
            $"{context.Request.Method} is not a GraphQL method: send queries with GET or POST, mutations with POST.");
    }

    /// <summary>
    /// Everything decided before execution, cheapest first: a query is there, its tokens are within the limit
    /// (counted before any parsing), it is parsed once (the executer reuses the document), a GET runs no mutation,
    /// and the caller may run the selected operation. Answers the request itself and returns null when it stops it.
    /// </summary>
    private async Task<PreparedRequest?> PrepareAsync(HttpContext context, GraphQLRequest? request, string mediaType, bool overGet)
    {
        // A persisted query's hash stands for its text from here on.
        if (request is not null && persisted.Resolve(request) is { } failure)
        {
            await WriteErrorAsync(context, failure.Status, mediaType, failure.Message, failure.Code);
            return null;
        }

        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, "The request has no query.");
            return null;
        }

        var limit = limits.CurrentValue;
        if (TokenCounter.Count(request.Query, limit.MaxTokens) > limit.MaxTokens)
        {
            // Refused before parsing, like any document that fails validation.
            await WriteErrorAsync(context, mediaType == GraphQLMediaTypes.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
                mediaType, $"The document has more than {limit.MaxTokens} tokens; the limit (MaxTokens) is {limit.MaxTokens}.", LimitCodes.Tokens);
            return null;
        }

        var cacheable = request.Variables is null or { Count: 0 };
        var cached = cacheable ? validated.Get(request.Query, request.OperationName) : null;
        var document = cached ?? Parse(request.Query);
        var selected = SelectedOperation(document, request.OperationName);
        if (overGet && selected is { } operation && operation != OperationType.Query)
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, mediaType,
                $"A {operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.");
            return null;
        }

        if (selected is OperationType.Subscription)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType,
                "A subscription needs a stream: send it with Accept: text/event-stream (GraphQL over Server-Sent Events).", Subscriptions.SubscriptionCodes.StreamRequired);
            return null;
        }

        if (await access.CheckAsync(context, selected) is { } denial)
        {
            await WriteErrorAsync(context, denial.Status, mediaType, denial.Message, denial.Code);
            return null;
        }

        // Until the store is open and seeded (Neo4j still out of reach at start), nothing may read or write it: a
        // write now would make the store non-empty and the seeding skip it. Right after the server starts listening
        // the store is still being opened; that is waited for, not refused.
        await initializer.WaitForFirstAttemptAsync(context.RequestAborted);
        if (initializer.NotReadyReason is not null)
        {
            var code = StoreFaults.CodeOf(initializer.NotReadyCause) ?? ErrorCodes.StoreUnavailable;
            context.Response.Headers.RetryAfter = "5";
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, mediaType, code == ErrorCodes.StoreAuthFailed
                ? "The graph store refused the service's credentials; an operator must correct Neo4j:User and Neo4j:Password."
                : "The graph store is not open yet; try again shortly.", code);
            return null;
        }

        return new PreparedRequest(request, document, cacheable, cached is not null, selected);
    }

    private async Task ExecuteAsync(HttpContext context, PreparedRequest prepared, string mediaType, string? tag)
    {
        var request = prepared.Request;
        if (prepared.Operation is OperationType.Mutation)
        {
            writeAnswers.Track(context); // its change reaches subscribers once this answer is sent
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Timeout = limits.CurrentValue.ExecutionTimeout,
            Schema = schema,
            // A document that did not parse goes in as text, so the executer reports the syntax error in its own words.
            Document = prepared.Document,
            Query = prepared.Document is null ? request.Query : null,
            OperationName = request.OperationName,
            // A document that passed the core rules before skips them; the configured rules are appended as always.
            ValidationRules = prepared.Validated ? [] : null,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = context.RequestServices,
            User = context.User,
            UserContext = new Dictionary<string, object?> { [UnhandledErrorLogger.RequestIdKey] = context.TraceIdentifier },
            CancellationToken = context.RequestAborted,
        });

        if (result.Executed && prepared.Cacheable && !prepared.Validated && prepared.Document is { } document)
        {
            validated.Add(request.Query!, request.OperationName, document);
        }

        var status = !result.Executed && mediaType == GraphQLMediaTypes.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (tag is not null && result.Executed && result.Errors is not { Count: > 0 })
        {
            caching.AddHeaders(context.Response, tag);
        }
        else if (HttpMethods.IsGet(context.Request.Method))
        {
            ReadResponseCaching.ForbidStoring(context.Response);
        }

        await WriteAsync(context, status, mediaType, result);
    }

    private static GraphQLDocument? Parse(string query)
    {
        try
        {
            return GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
        }
        catch (GraphQLSyntaxErrorException)
        {
            return null;
        }
    }

    /// <summary>
    /// The operation a request would run, so that a mutation over GET or without the right to write is refused
    /// before anything runs. No document, or no single operation selected, yields null: the executer will report
    /// it, and it can run nothing.
    /// </summary>
    internal static OperationType? SelectedOperation(GraphQLDocument? document, string? operationName)
    {
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        var selected = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.Value == operationName);
        return selected?.Operation;
    }

    private sealed record PreparedRequest(GraphQLRequest Request, GraphQLDocument? Document, bool Cacheable, bool Validated, OperationType? Operation);

    private Task TooLargeAsync(HttpContext context, string mediaType, long maxBytes) =>
        WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, mediaType,
            $"The request body is larger than {maxBytes} bytes, the limit (MaxRequestBodyBytes); import large taxonomies with the import verb.", LimitCodes.BodySize);

    private Task NotAcceptableAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, GraphQLMediaTypes.Json,
            $"This endpoint answers {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}; the Accept header allows neither.");

    private Task WriteErrorAsync(HttpContext context, int status, string mediaType, string message, string code = ErrorCodes.BadRequest) =>
        WriteAsync(context, status, mediaType, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] });

    private async Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
