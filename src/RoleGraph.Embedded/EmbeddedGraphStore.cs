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

    /// <summary>The current graph. Graph, sources and revision are published together in one assignment, so a
    /// reader never pairs a graph with another write's sources.</summary>
    public GraphSnapshot Snapshot => _state.Graph;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_opened)
        {
            throw new InvalidOperationException("The embedded store is already open.");
        }

        _opened = true;
        if (dataFile is null)
        {
            LogInMemoryOnly(logger);
            return Task.CompletedTask;
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

        _state = new StoreState(GraphSnapshot.Build(stored.Nodes, stored.Links), stored.Sources, stored.Revision);
        LogLoaded(logger, _state.Graph.NodeCount, _state.Graph.LinkCount, dataFile.Path, stored.Revision);
        return Task.CompletedTask;
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
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var current = _state;
            var plan = GraphEditPlanner.Plan(current.Graph.Nodes, current.Graph.Links, edit);
            var sources = edit.SourcesAfter(current.Sources);
            var sourcesChanged = !sources.SequenceEqual(current.Sources);
            if (dryRun || (plan.Changes.IsEmpty && !sourcesChanged))
            {
                return plan.Report(dryRun);
            }

            var snapshot = GraphSnapshot.Build(plan.Nodes, plan.Links);
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
                await dataFile.AppendAsync(revision, plan.Changes, sourcesChanged ? sources : null, cancellationToken);
            }

            _state = new StoreState(snapshot, sources, revision);
            changes?.Publish(GraphChange.Applied(revision, current.Graph, plan.Changes));

            // Compaction keeps replay short. The write is already durable in the journal, so a failure here is
            // logged, not reported to the writer; the next write tries again.
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

            return plan.Report(dryRun: false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compacting {DataFile} failed; its journal still holds every change")]
    private static partial void LogCompactionFailed(ILogger logger, string dataFile, Exception exception);
}
