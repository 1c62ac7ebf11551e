using Microsoft.Extensions.Logging;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Changes;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Embedded;

/// <summary>
/// The in-process store: the whole graph as an immutable <see cref="GraphSnapshot"/> in memory, persisted to a
/// <see cref="GraphDataFile"/>. Readers take the current snapshot and never wait. Writers take turns: each plans
/// its edit against the current graph, appends the resulting change set to the journal (on the device before it
/// returns), and only then publishes a new snapshot; so an acknowledged write is durable and a refused or failed
/// one changes nothing. Each published write is announced to <c>changes</c> (subscriptions, metrics) when given.
/// </summary>
public sealed partial class EmbeddedGraphStore(GraphDataFile? dataFile, ILogger<EmbeddedGraphStore> logger, IGraphChangeSink? changes = null) : IGraphStore, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile StoreState _state = StoreState.Empty;
    private bool _opened;
    private Task<PrebuiltGraph?>? _prebuilt;

    /// <summary>The current graph. Graph, sources and revision are published together in one assignment, so a
    /// reader never pairs a graph with another write's sources.</summary>
    public GraphSnapshot Snapshot => _state.Graph;

    /// <summary>
    /// Starts reading the data file's snapshot and building the graph from it on a pool thread, ahead of
    /// <see cref="InitializeAsync"/>, which takes the result when the file has not changed meanwhile (its journal
    /// replayed on top as usual). Locks and writes nothing, so the service calls it before its server binds: the two
    /// overlap on a start instead of following each other. The task it returns ends when that work has (it never
    /// fails: a file it cannot read is read again, and refused, by <see cref="InitializeAsync"/>).
    /// </summary>
    public Task BeginOpening()
    {
        if (dataFile is null || _opened)
        {
            return Task.CompletedTask;
        }

        return _prebuilt ??= dataFile.BeginReading().ContinueWith(read =>
        {
            try
            {
                return read.Result is { } stored ? new PrebuiltGraph(stored, GraphSnapshot.Build(stored.Nodes, stored.Links)) : null;
            }
            catch (Exception)
            {
                return null; // InitializeAsync builds again, and reports what is wrong there
            }
            finally
            {
                dataFile.EndLoad();
            }
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Whether <see cref="InitializeAsync"/> took the graph <see cref="BeginOpening"/> built (the data file
    /// unchanged and its journal empty) instead of building it again.</summary>
    public bool OpenedPrebuiltGraph { get; private set; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_opened)
        {
            throw new InvalidOperationException("The embedded store is already open.");
        }

        _opened = true;
        if (dataFile is null)
        {
            LogInMemoryOnly(logger);
            return;
        }

        StoredGraph stored;
        try
        {
            stored = dataFile.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or TaxonomyValidationException)
        {
            dataFile.Dispose();
            throw new InvalidOperationException($"The data file {dataFile.Path} cannot be opened: {e.Message}", e);
        }

        // The graph built ahead of time is this one when the data file handed back the snapshot it had pre-read and
        // the journal had nothing to add (the same object then); otherwise it is built here.
        var prebuilt = _prebuilt is null ? null : await _prebuilt;
        _prebuilt = null;
        OpenedPrebuiltGraph = prebuilt is not null && ReferenceEquals(prebuilt.Stored, stored);
        var graph = OpenedPrebuiltGraph ? prebuilt!.Graph : GraphSnapshot.Build(stored.Nodes, stored.Links);
        dataFile.EndLoad(); // a read begun without BeginOpening (the command-line verbs) ends with the open
        _state = new StoreState(graph, stored.Sources, stored.Revision);
        LogLoaded(logger, _state.Graph.NodeCount, _state.Graph.LinkCount, dataFile.Path, stored.Revision);
    }

    public Task<GraphStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var graph = Snapshot;
        var byKind = Enum.GetValues<NodeKind>().ToDictionary(k => k, k => graph.OfKind(k).Length);
        return Task.FromResult(new GraphStatistics(byKind, graph.LinkCount));
    }

    public Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var graph = Snapshot;
        var found = new Dictionary<string, GraphNode>(ids.Count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (graph.Find(id) is { } node)
            {
                found[id] = node;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, GraphNode>>(found);
    }

    public Task<IReadOnlyDictionary<string, NodeKind>> GetKindsAsync(IReadOnlyCollection<string>? ids, CancellationToken cancellationToken)
    {
        var graph = Snapshot;
        var found = new Dictionary<string, NodeKind>(ids?.Count ?? graph.NodeCount, StringComparer.Ordinal);
        foreach (var node in ids is null ? graph.Nodes : ids.Select(graph.Find).OfType<GraphNode>())
        {
            found[node.Id] = node.Kind;
        }

        return Task.FromResult<IReadOnlyDictionary<string, NodeKind>>(found);
    }

    public Task<NodePage> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(NodeListing.Page(Snapshot, query));

    /// <summary>The whole current snapshot, whatever the scope: it is immutable, so handing it out costs nothing.</summary>
    public ValueTask<GraphSnapshot> ReadAsync(GraphScope scope, CancellationToken cancellationToken) => new(Snapshot);

    public async Task<EditReport> ApplyAsync(GraphEdit edit, bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            // Snapshots are immutable: a dry run plans against the current one without waiting for writers.
            return GraphEditPlanner.Plan(_state.Graph, edit).Report(dryRun: true);
        }

        // Group commit: a writer queues its edit, then takes the lock; whoever holds it commits the edits queued by
        // then (up to a batch) in one journal line and one flush, and answers each only after that flush. A writer
        // whose edit was committed while it waited finds its answer ready.
        var write = new PendingWrite(edit);
        _pending.Enqueue(write);
        while (!write.Result.IsCompleted)
        {
            try
            {
                await _writeLock.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (write.TryCancel())
            {
                throw; // still queued, so never planned: nothing changes
            }
            catch (OperationCanceledException)
            {
                cancellationToken = CancellationToken.None; // a committer already took it: its outcome stands, so wait for it
                continue;
            }

            try
            {
                if (!write.Result.IsCompleted)
                {
                    await CommitPendingAsync();
                }
            }
            finally
            {
                _writeLock.Release();
            }
        }

        return await write.Result;
    }

    /// <summary>
    /// Commits queued edits, each planned against the graph the ones before it leave, as one batch that shares a
    /// journal line; a refused edit is answered at once and is not part of the batch. Runs under the write lock.
    /// </summary>
    private async Task CommitPendingAsync()
    {
        var batch = new List<(PendingWrite Write, GraphEditPlan Plan)>();
        var current = _state;
        var (graph, sources) = (current.Graph, current.Sources);
        var changeSets = new List<GraphChangeSet>();
        while (batch.Count < MaxBatch && _pending.TryPeek(out var write))
        {
            if (!write.TryTake())
            {
                _pending.TryDequeue(out _); // cancelled while queued
                continue;
            }

            GraphEditPlan plan;
            try
            {
                plan = GraphEditPlanner.Plan(graph, write.Edit);
            }
            catch (Exception e)
            {
                _pending.TryDequeue(out _);
                write.Fail(e);
                continue;
            }

            var sourcesAfter = write.Edit.SourcesAfter(sources);
            if (plan.Changes.IsEmpty && sourcesAfter.SequenceEqual(sources))
            {
                _pending.TryDequeue(out _);
                write.Succeed(plan.Report(dryRun: false));
                continue;
            }

            if (write.Edit.ReplaceAll || ChangeSize(plan.Changes) >= SnapshotInsteadOfJournalItems)
            {
                // An import goes alone, as before group commit: after the batch in hand, if any, in the next round.
                if (batch.Count > 0)
                {
                    write.Untake();
                    break;
                }

                _pending.TryDequeue(out _);
                await CommitAloneAsync(write, plan);
                return;
            }

            _pending.TryDequeue(out _);
            try
            {
                graph = graph.Apply(plan.Changes);
            }
            catch (Exception e)
            {
                write.Fail(e); // a change set the snapshot cannot take is refused like a bad edit: nothing applied
                continue;
            }

            sources = sourcesAfter;
            changeSets.Add(plan.Changes);
            batch.Add((write, plan));
        }

        // One batch per turn at the lock: edits queued past it belong to writers waiting for the lock, who commit them next.
        if (batch.Count > 0)
        {
            await CommitBatchAsync(current, batch, changeSets, graph, sources);
        }
    }

    private async Task CommitBatchAsync(StoreState current, List<(PendingWrite Write, GraphEditPlan Plan)> batch, List<GraphChangeSet> changeSets,
        GraphSnapshot snapshot, IReadOnlyList<TaxonomyHeader> sources)
    {
        var revision = current.Revision + batch.Count; // each edit its own revision, as if committed one by one
        var netChanges = changeSets.Count == 1 ? changeSets[0] : NetChanges(current.Graph, changeSets);
        try
        {
            if (dataFile is not null)
            {
                await dataFile.AppendAsync(revision, netChanges, sources.SequenceEqual(current.Sources) ? null : sources, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            foreach (var (write, _) in batch)
            {
                write.Fail(e); // nothing was published: the whole batch changes nothing
            }

            return;
        }

        _state = new StoreState(snapshot, sources, revision);
        foreach (var (write, plan) in batch)
        {
            write.Succeed(plan.Report(dryRun: false));
        }

        // The writers' answers are queued before the subscribers' work: a change fans out to every stream, and the
        // writers should not wait behind it.
        changes?.Publish(GraphChange.Applied(revision, current.Graph, netChanges));
        KeepDerivationCheapSafely(changeSets, snapshot);

        await CompactIfDueAsync(snapshot, sources, revision);
    }

    /// <summary>One large edit (an import), committed by itself.</summary>
    private async Task CommitAloneAsync(PendingWrite write, GraphEditPlan plan)
    {
        try
        {
            var current = _state;
            var edit = write.Edit;
            var sources = edit.SourcesAfter(current.Sources);
            var sourcesChanged = !sources.SequenceEqual(current.Sources);
            var snapshot = edit.ReplaceAll ? GraphSnapshot.Build(plan.Nodes, plan.Links) : current.Graph.Apply(plan.Changes);
            var revision = current.Revision + 1;
            if (dataFile is not null && ChangeSize(plan.Changes) is var size && size >= SnapshotInsteadOfJournalItems
                && size * 2 >= snapshot.NodeCount + snapshot.LinkCount)
            {
                // A change as large as the graph (an import) would be written twice, to the journal and right after by
                // compaction. Writing the new snapshot instead is as durable (atomic replace, flushed before the answer)
                // and empties the journal, whose older entries the snapshot's revision covers.
                await dataFile.CompactAsync(new StoredGraph(snapshot.Nodes, snapshot.Links, sources, revision), CancellationToken.None);
            }
            else if (dataFile is not null)
            {
                await dataFile.AppendAsync(revision, plan.Changes, sourcesChanged ? sources : null, CancellationToken.None);
            }

            _state = new StoreState(snapshot, sources, revision);
            write.Succeed(plan.Report(dryRun: false));
            changes?.Publish(GraphChange.Applied(revision, current.Graph, plan.Changes));
            KeepDerivationCheapSafely(edit.ReplaceAll ? [] : [plan.Changes], snapshot);
            await CompactIfDueAsync(snapshot, sources, revision);
        }
        catch (Exception e)
        {
            write.Fail(e);
        }
    }

    /// <summary>
    /// Compaction keeps replay short. The writes are already durable in the journal, so a failure here is logged,
    /// not reported to the writers; the next write tries again.
    /// </summary>
    private async Task CompactIfDueAsync(GraphSnapshot snapshot, IReadOnlyList<TaxonomyHeader> sources, long revision)
    {
        if (dataFile is not null && dataFile.JournalBytes > Math.Max(CompactionMinimumBytes, dataFile.SnapshotBytes))
        {
            try
            {
                await dataFile.CompactAsync(new StoredGraph(snapshot.Nodes, snapshot.Links, sources, revision), CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogCompactionFailed(logger, dataFile.Path, e);
            }
        }
    }

    /// <summary>
    /// The change sets of a batch as one, as the journal replays it (deleted links, deleted nodes, written nodes,
    /// written links): each node and link touched ends as the last edit left it, written if present, deleted if it
    /// was in the graph before the batch.
    /// </summary>
    private static GraphChangeSet NetChanges(GraphSnapshot before, List<GraphChangeSet> changeSets)
    {
        var nodes = new Dictionary<string, GraphNode?>(StringComparer.Ordinal);
        var links = new Dictionary<LinkKey, GraphLink?>();
        foreach (var changes in changeSets)
        {
            foreach (var key in changes.DeleteLinks)
            {
                links[key] = null;
            }

            foreach (var id in changes.DeleteNodes)
            {
                nodes[id] = null;
            }

            foreach (var node in changes.WriteNodes)
            {
                nodes[node.Id] = node;
            }

            foreach (var link in changes.WriteLinks)
            {
                links[LinkKey.Of(link)] = link;
            }
        }

        return new GraphChangeSet(
            nodes.Values.OfType<GraphNode>().ToList(),
            nodes.Where(n => n.Value is null && before.Find(n.Key) is not null).Select(n => n.Key).ToList(),
            links.Values.OfType<GraphLink>().ToList(),
            links.Where(l => l.Value is null && before.FindLink(l.Key) is not null).Select(l => l.Key).ToList());
    }

    /// <summary>Whether the data file was opened from a snapshot in an older format (JSON, format version 1), which
    /// <see cref="WriteSnapshotAsync"/> rewrites in the current one.</summary>
    public bool OpenedOlderFormat => dataFile is { OpenedFormatVersion: > 0 and < BinarySnapshotFormat.FormatVersion };

    /// <summary>
    /// Writes the current graph as the data file's snapshot and empties the journal. The service calls it after
    /// seeding a new data file, whose first write would otherwise live only in the journal, with no snapshot beside it.
    /// </summary>
    public async Task WriteSnapshotAsync(CancellationToken cancellationToken)
    {
        if (dataFile is null)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var state = _state;
            await dataFile.CompactAsync(new StoredGraph(state.Graph.Nodes, state.Graph.Links, state.Sources, state.Revision), CancellationToken.None);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<TaxonomyDocument> ExportAsync(CancellationToken cancellationToken)
    {
        var state = _state;
        return Task.FromResult(new TaxonomyDocument(state.Sources, state.Graph.Nodes, state.Graph.Links));
    }

    /// <summary>The revision published with the current snapshot; the data file keeps it across restarts.</summary>
    public ValueTask<long> GetRevisionAsync(CancellationToken cancellationToken) => new(_state.Revision);

    public void Dispose()
    {
        _writeLock.Dispose();
        dataFile?.Dispose();
    }

    private const long CompactionMinimumBytes = 4 << 20;

    /// <summary>
    /// Once a derived snapshot holds this many changes past its last whole build, a whole one is built in the
    /// background: each write copies the changes it derives from, so they must stay few.
    /// </summary>
    internal int RebuildAfterChanges { get; init; } = 4096;

    private Task<GraphSnapshot>? _rebuild;

    /// <summary>Edits a group commit takes at most: bounds how long the first writer of a burst waits for the others' planning.</summary>
    private const int MaxBatch = 64;

    private readonly System.Collections.Concurrent.ConcurrentQueue<PendingWrite> _pending = new();
    private readonly List<GraphChangeSet> _changesSinceRebuild = [];

    /// <summary>
    /// Keeps derived snapshots cheap to derive from: once one holds many changes past its last whole build, a whole
    /// one is built in the background; when ready, the next write brings it up to date with the changes published
    /// meanwhile and publishes it in place of the derived one (the same graph). Runs under the write lock, after
    /// the changes are durable and published, so a failed write never reaches the bookkeeping. The published write is
    /// durable and answered whatever the bookkeeping does: a failure there is logged.
    /// </summary>
    private void KeepDerivationCheapSafely(IReadOnlyList<GraphChangeSet> changeSets, GraphSnapshot published)
    {
        try
        {
            KeepDerivationCheap(changeSets, published);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            _rebuild = null;
            _changesSinceRebuild.Clear();
            LogRebuildFailed(logger, e);
        }
    }

    private void KeepDerivationCheap(IReadOnlyList<GraphChangeSet> changeSets, GraphSnapshot published)
    {
        if (published.ChangesSinceBuild == 0)
        {
            _rebuild = null; // built whole just now
            _changesSinceRebuild.Clear();
            return;
        }

        if (_rebuild is not { } rebuild)
        {
            if (published.ChangesSinceBuild > RebuildAfterChanges)
            {
                _rebuild = Task.Run(published.Rebuild);
            }

            return;
        }

        _changesSinceRebuild.AddRange(changeSets);
        if (!rebuild.IsCompleted)
        {
            return;
        }

        _rebuild = null;
        if (rebuild.IsCompletedSuccessfully)
        {
            var rebuilt = rebuild.Result;
            foreach (var since in _changesSinceRebuild)
            {
                rebuilt = rebuilt.Apply(since);
            }

            _state = _state with { Graph = rebuilt };
        }
        else
        {
            LogRebuildFailed(logger, rebuild.Exception);
        }

        _changesSinceRebuild.Clear();
    }

    /// <summary>Changes of at least this many nodes and links are persisted as a new snapshot rather than a journal entry.</summary>
    /// <summary>With the rule that the change is at least half the graph: an import, not an edit of a large graph.</summary>
    private const int SnapshotInsteadOfJournalItems = 20_000;

    private static int ChangeSize(GraphChangeSet changes) =>
        changes.WriteNodes.Count + changes.DeleteNodes.Count + changes.WriteLinks.Count + changes.DeleteLinks.Count;

    private sealed record StoreState(GraphSnapshot Graph, IReadOnlyList<TaxonomyHeader> Sources, long Revision)
    {
        public static readonly StoreState Empty = new(GraphSnapshot.Empty, [], 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store holds the graph in memory only (no data file configured)")]
    private static partial void LogInMemoryOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store opened {DataFile}: {Nodes} nodes, {Links} links, revision {Revision}")]
    private static partial void LogLoaded(ILogger logger, int nodes, int links, string dataFile, long revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the snapshot in the background failed; writes go on deriving from the current one")]
    private static partial void LogRebuildFailed(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compacting {DataFile} failed; its journal still holds every change")]
    private static partial void LogCompactionFailed(ILogger logger, string dataFile, Exception exception);
}
