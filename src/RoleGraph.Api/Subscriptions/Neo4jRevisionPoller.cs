using Microsoft.Extensions.Options;
using RoleGraph.Api.Hosting;
using RoleGraph.Core.Changes;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// On Neo4j, where several API processes may write the same database, reads the graph's revision (the meta node's
/// counter, one small read) every RoleGraph:Subscriptions:Neo4jPollInterval and announces each move as a change known
/// by its revision only. Polls only while someone subscribes; a failed read is logged once and retried next time.
/// </summary>
internal sealed partial class Neo4jRevisionPoller(IGraphStore store, GraphChangeFeed feed, GraphStoreInitializer initializer,
    IOptions<StoreSelectionOptions> selection, IOptionsMonitor<SubscriptionOptions> options, ILogger<Neo4jRevisionPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (selection.Value.Store != StoreKind.Neo4j)
        {
            return;
        }

        long? seen = null;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.Neo4jPollInterval, stoppingToken);
                if (initializer.NotReadyReason is not null || (feed.SubscriberCount == 0 && seen is not null))
                {
                    // Nobody listens: the next poll with a subscriber starts from the revision then.
                    seen = feed.SubscriberCount == 0 ? null : seen;
                    continue;
                }

                var revision = await store.GetRevisionAsync(stoppingToken);
                if (seen is { } previous && revision != previous && revision > feed.LastRevision)
                {
                    feed.Publish(GraphChange.RevisionOnly(revision));
                }

                seen = revision;
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (!failing)
                {
                    LogPollFailed(logger, e.Message);
                    failing = true;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the graph's revision for change notifications (retrying): {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string reason);
}
