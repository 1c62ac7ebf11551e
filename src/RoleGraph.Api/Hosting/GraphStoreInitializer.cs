using System.Diagnostics;
using Microsoft.Extensions.Options;
using RoleGraph.Api.GraphQL.Errors;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Embedded;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// Opens the store and, when it holds nothing, loads the seed taxonomy. The service does this once the server
/// listens (<see cref="StartedAsync"/>), so a start that cannot serve (its address taken) writes nothing, not even a
/// seed; until the store is open, GraphQL requests answer 503 and readiness says why. A store that cannot be opened
/// (the data file held by another process, unreadable) ends the start with <see cref="StartFailure"/>. When the
/// store is out of reach at start (Neo4j not up yet, or refusing the credentials) the service starts anyway,
/// reports not ready with the reason, and keeps trying in the background until the store answers.
/// </summary>
internal sealed partial class GraphStoreInitializer(IGraphStore store, IOptions<SeedOptions> seedOptions, ILogger<GraphStoreInitializer> logger)
    : IHostedLifecycleService, IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>How long a request that arrives while the store is being opened waits for it, rather than a 503.</summary>
    private static readonly TimeSpan FirstAttemptWait = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _retrying = Task.CompletedTask;
    private Task _migrating = Task.CompletedTask;
    private volatile string? _notReadyReason = "The graph store has not been opened yet.";
    private volatile Exception? _notReadyCause;

    /// <summary>Why the store is not serving yet, or null once it is open (and seeded when it was empty).</summary>
    public string? NotReadyReason => _notReadyReason;

    /// <summary>The failure behind <see cref="NotReadyReason"/>, where there was one.</summary>
    public Exception? NotReadyCause => _notReadyCause;

    /// <summary>
    /// Waits (briefly) until the service's first try to open and seed the store has ended, either way. The server
    /// listens before that try, so that a start that cannot bind writes nothing; a request in that short window
    /// waits for the seeded graph instead of being refused, and readiness reports no failure on a normal start.
    /// </summary>
    public async Task WaitForFirstAttemptAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _firstAttempt.Task.WaitAsync(FirstAttemptWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still opening (Neo4j slow to answer): the caller reports not ready, as during any outage.
        }
    }

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
            throw new StartFailure(Cli.ExitCodes.InvalidInput, $"The store is empty and the seed directory {directory} does not exist (RoleGraph:Seed:Path).");
        }

        var started = Stopwatch.StartNew();
        TaxonomyDocument document;
        try
        {
            document = TaxonomyReader.ReadDirectory(directory);
        }
        catch (TaxonomyValidationException e)
        {
            throw new StartFailure(Cli.ExitCodes.InvalidInput,
                $"The seed in {directory} is invalid ({e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}; `validate` lists them), first: {e.Problems[0]}", e);
        }

        await store.ApplyAsync(GraphEdit.Import(document, ImportMode.Replace), dryRun: false, cancellationToken);
        if (store is EmbeddedGraphStore embedded)
        {
            // A new data file then holds the seeded graph itself (rolegraph.json), not only a journal of it.
            await embedded.WriteSnapshotAsync(cancellationToken);
        }

        _notReadyReason = null;
        LogSeeded(logger, document.Nodes.Count, document.Links.Count, directory, started.ElapsedMilliseconds);
    }

    /// <summary>
    /// Before any hosted service starts: the embedded store reads and decodes its data file on a pool thread while
    /// the server binds (it locks and writes nothing until <see cref="StartedAsync"/> opens it), so the two overlap.
    /// </summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        (store as EmbeddedGraphStore)?.BeginOpening();
        return Task.CompletedTask;
    }

    /// <summary>Nothing yet: the server has not bound its address, and a start that fails there must leave the store as it was.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every hosted service started, the server included, so the address is bound: open and seed now.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken);
            _migrating = MigrateOlderDataFileAsync(_stopping.Token);
        }
        catch (Exception e) when (StoreFaults.IsOutage(e))
        {
            (_notReadyReason, _notReadyCause) = (e.Message, e);
            LogWaiting(logger, e.Message);
            _retrying = RetryUntilOpenAsync(_stopping.Token);
        }
        catch (Exception e) when (e is InvalidOperationException and not StartFailure)
        {
            // The embedded store's data file in use by another process, or unreadable: as the verbs say it.
            throw new StartFailure(Cli.ExitCodes.StoreUnavailable, $"The store is unavailable: {e.Message}", e);
        }
        finally
        {
            _firstAttempt.TrySetResult();
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A rewrite under way finishes (it replaces the file atomically either way) before the store is disposed.
        await _migrating.WaitAsync(cancellationToken);
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

    /// <summary>
    /// A data file written before the binary snapshot format (JSON, format version 1) is rewritten in it once the
    /// service is open, so the next start reads it without parsing JSON. In the background: the rewrite takes the
    /// store's write turn like any write, and readers are not held up by it.
    /// </summary>
    private async Task MigrateOlderDataFileAsync(CancellationToken stopping)
    {
        if (store is not EmbeddedGraphStore { OpenedOlderFormat: true } embedded)
        {
            return;
        }

        await Task.Yield();
        try
        {
            await embedded.WriteSnapshotAsync(stopping);
            LogMigrated(logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // The file still opens as it is; the next compaction or start tries again.
            LogMigrationFailed(logger, e);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Rewrote the data file's snapshot from JSON (format version 1) in the binary format, which opens faster")]
    private static partial void LogMigrated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rewriting the data file's snapshot in the binary format failed; it still opens as it is")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The graph store is out of reach ({Reason}); serving anyway, not ready, and retrying in the background")]
    private static partial void LogWaiting(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The graph store is still out of reach ({Reason}); next try in {Seconds} s")]
    private static partial void LogStillWaiting(ILogger logger, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The graph store is back; the service is ready")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Opening the graph store failed; the service stays not ready")]
    private static partial void LogGaveUp(ILogger logger, Exception exception);
}
