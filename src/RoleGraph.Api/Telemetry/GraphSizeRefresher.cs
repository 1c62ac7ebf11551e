using Microsoft.Extensions.Options;
using RoleGraph.Api.Hosting;
using RoleGraph.Core.Changes;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.Telemetry;

/// <summary>
/// Keeps <see cref="GraphSizeGauge"/> current: reads the store's statistics once it is open, after writes (at most
/// once a second) and every RoleGraph:Telemetry:GraphSizeInterval when the revision moved (Neo4j written by another
/// process), off every request's path.
/// </summary>
internal sealed partial class GraphSizeRefresher(IGraphStore store, GraphStoreInitializer initializer, GraphChangeFeed feed, GraphSizeGauge gauge,
    IOptions<TelemetryOptions> options, ILogger<GraphSizeRefresher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _written = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        feed.Published += OnPublished;
        try
        {
            long? seen = null;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (initializer.NotReadyReason is null)
                {
                    try
                    {
                        var revision = await store.GetRevisionAsync(stoppingToken);
                        if (revision != seen)
                        {
                            var statistics = await store.GetStatisticsAsync(stoppingToken);
                            gauge.Update(statistics.NodesByKind, statistics.Links, revision);
                            seen = revision;
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogRefreshFailed(logger, e.Message);
                    }
                }

                await _written.WaitAsync(seen is null ? TimeSpan.FromSeconds(1) : options.Value.GraphSizeInterval, stoppingToken);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); // a burst of writes is read once
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            feed.Published -= OnPublished;
        }
    }

    public override void Dispose()
    {
        _written.Dispose();
        base.Dispose();
    }

    private void OnPublished(GraphChange change)
    {
        if (_written.CurrentCount == 0)
        {
            try
            {
                _written.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another write signalled first: one refresh covers both.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not read the graph's size for the metrics: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}
