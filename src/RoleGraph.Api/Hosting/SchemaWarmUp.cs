using GraphQL.Types;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// Builds the GraphQL schema (GraphQL.NET's <see cref="ISchema.Initialize"/>: every type, field and resolver) on a
/// pool thread while the server binds and the store opens, instead of inside the first request, which would
/// otherwise wait for the store and then for the schema, one after the other. The first request still initializes
/// the schema itself if this has not finished (initialization happens once, under the schema's own lock).
/// </summary>
internal sealed partial class SchemaWarmUp(ISchema schema, ILogger<SchemaWarmUp> logger) : IHostedLifecycleService
{
    private Task _warming = Task.CompletedTask;

    /// <summary>Before any hosted service starts (the server and the store's opening included).</summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _warming = Task.Run(() =>
        {
            try
            {
                schema.Initialize();
            }
            catch (ObjectDisposedException)
            {
                // The start failed (its address taken, bad settings) and the host disposed the services meanwhile:
                // nothing will be served, and the start's own one-line error is what the user should see.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building the GraphQL schema ahead of the first request failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
