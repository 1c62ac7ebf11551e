using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// Builds the GraphQL schema (GraphQL.NET's <see cref="ISchema.Initialize"/>: every type, field and resolver) on a
/// pool thread while the server binds and the store opens, instead of inside the first request, which would
/// otherwise wait for the store and then for the schema, one after the other. The first request still initializes
/// the schema itself if this has not finished (initialization happens once, under the schema's own lock).
/// Then, on the same thread, it reads, runs and writes one introspection request the way a request would be, so the
/// parser, validation, execution and the serializer have done their first-use work (type loading, serializer
/// metadata) before the first real request: the first request after the store had opened took ~150 ms of the
/// native build's start (at load average 8), the next ones 3-5 ms (docs/benchmarks.md, "Round 9").
/// </summary>
internal sealed partial class SchemaWarmUp(
    ISchema schema,
    IDocumentBuilder documentBuilder,
    IDocumentValidator documentValidator,
    IExecutionStrategySelector strategies,
    IGraphQLTextSerializer serializer,
    IServiceScopeFactory scopes,
    ILogger<SchemaWarmUp> logger) : IHostedLifecycleService, IAsyncDisposable, IDisposable
{
    /// <summary>Lists, nested objects, arguments and enums: the shapes a real query walks, with nothing from the store.</summary>
    private const string WarmUpRequest = """{"query":"query WarmUp { __schema { queryType { name fields(includeDeprecated: true) { name args { name } type { kind name ofType { kind name } } } } } }"}""";

    private Task _warming = Task.CompletedTask;

    /// <summary>Before any hosted service starts (the server and the store's opening included).</summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _warming = Task.Run(async () =>
        {
            try
            {
                schema.Initialize();
                await RunOneRequestAsync();
            }
            catch (ObjectDisposedException)
            {
                // The start failed (its address taken, bad settings) and the host disposed the services meanwhile:
                // nothing will be served, and the start's own one-line error is what the user should see. (Disposal
                // waits for this build, see DisposeAsync; a schema disposed by other means still lands here.)
            }
            catch (Exception e)
            {
                // The first request initializes the schema again and reports the same failure where it belongs.
                LogFailed(logger, e);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A stop right after start waits for the schema build rather than leaving it running on a disposed host.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _warming.WaitAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A start that fails (the store held by another process, say) is not stopped, only disposed: the container
    /// disposes this before the schema it depends on, so waiting here keeps the schema from being torn down under the
    /// build, which would otherwise fail with whatever the half-disposed schema throws (a collection modified while
    /// enumerated) and print it after the start's one-line error.
    /// </summary>
    public async ValueTask DisposeAsync() => await _warming.ConfigureAwait(false);

    public void Dispose() => _warming.GetAwaiter().GetResult();

    /// <summary>
    /// Through an executer of its own without the service's execution hooks (operation metrics, spans, the limits'
    /// rules), so the warm-up is not counted or traced as an operation; the store is not asked anything.
    /// </summary>
    private async Task RunOneRequestAsync()
    {
        var request = serializer.Deserialize<GraphQLRequest>(WarmUpRequest)!;
        var executer = new DocumentExecuter(documentBuilder, documentValidator, strategies, []);
        await using var scope = scopes.CreateAsyncScope();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            OperationName = request.OperationName,
            RequestServices = scope.ServiceProvider,
        });
        await serializer.WriteAsync(Stream.Null, result);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing GraphQL (the schema, one warm-up request) ahead of the first request failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
