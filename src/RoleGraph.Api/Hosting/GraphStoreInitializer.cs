using RoleGraph.Api.GraphQL.Errors;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// Opens the store and, when it holds nothing, loads the seed taxonomy. Hosted services start before the
/// server listens, so the first request already sees a seeded graph. When the store is out of reach at start
/// (Neo4j not up yet, or refusing the credentials) the service starts anyway, reports not ready with the reason,
/// and keeps trying in the background until the store answers.
/// </summary>
public sealed partial class GraphStoreInitializer(IGraphStore store, IOptions<SeedOptions> seedOptions, ILogger<GraphStoreInitializer> logger)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;
    private volatile string? _notReadyReason = "The graph store has not been opened yet.";
    private volatile Exception? _notReadyCause;

    /// <summary>Why the store is not serving yet, or null once it is open (and seeded when it was empty).</summary>
    public string? NotReadyReason => _notReadyReason;

    /// <summary>The failure behind <see cref="NotReadyReason"/>, where there was one.</summary>
    public Exception? NotReadyCause => _notReadyCause;

    /// <summary>Opens the store and seeds it when empty; throws when that fails. The command-line verbs use this.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var statistics = await store.GetStatisticsAsync(cancellationToken);
        var seed = seedOptions.Value;
        if (statistics.Nodes > 0 || !seed.LoadWhenEmpty)
        {
            _notReadyReason = null;
            LogReady(logger, statistics.Nodes, statistics.Links);
            return;
        }

        var directory = Path.Combine(AppContext.BaseDirectory, seed.Path);
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"The store is empty and the seed directory {directory} does not exist (RoleGraph:Seed:Path).");
        }

        var started = Stopwatch.StartNew();
        var document = TaxonomyReader.ReadDirectory(directory);
        await store.ApplyAsync(GraphEdit.Import(document, ImportMode.Replace), dryRun: false, cancellationToken);
        _notReadyReason = null;
        LogSeeded(logger, document.Nodes.Count, document.Links.Count, directory, started.ElapsedMilliseconds);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken);
        }
        catch (Exception e) when (StoreFaults.IsOutage(e))
        {
            (_notReadyReason, _notReadyCause) = (e.Message, e);
            LogWaiting(logger, e.Message);
            _retrying = RetryUntilOpenAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_retrying.IsCompleted)
        {
            // Nothing to stop, and the host may already have disposed this service (a failed start does that).
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await _retrying.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping while the store is still out of reach is normal.
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryUntilOpenAsync(CancellationToken stopping)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            await Task.Delay(delay, stopping);
            try
            {
                await InitializeAsync(stopping);
                LogRecovered(logger);
                return;
            }
            catch (Exception e) when (StoreFaults.IsOutage(e))
            {
                (_notReadyReason, _notReadyCause) = (e.Message, e);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                LogStillWaiting(logger, e.Message, delay.TotalSeconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not an outage (a broken seed, say): retrying cannot help, and the reason stays visible in readiness.
                (_notReadyReason, _notReadyCause) = (e.Message, e);
                LogGaveUp(logger, e);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph store ready: {Nodes} nodes, {Links} links")]
    private static partial void LogReady(ILogger logger, int nodes, int links);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the empty store with {Nodes} nodes and {Links} links from {Directory} in {Milliseconds} ms")]
    private static partial void LogSeeded(ILogger logger, int nodes, int links, string directory, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The graph store is out of reach ({Reason}); serving anyway, not ready, and retrying in the background")]
    private static partial void LogWaiting(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The graph store is still out of reach ({Reason}); next try in {Seconds} s")]
    private static partial void LogStillWaiting(ILogger logger, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The graph store is back; the service is ready")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Opening the graph store failed; the service stays not ready")]
    private static partial void LogGaveUp(ILogger logger, Exception exception);
}
