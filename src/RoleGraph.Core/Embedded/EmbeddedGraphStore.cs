using Microsoft.Extensions.Logging;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Core.Embedded;

/// <summary>
/// The in-process store: the whole graph as an immutable <see cref="GraphSnapshot"/> in memory, persisted to a
/// data file. Readers take the current snapshot and never wait; a writer builds a new snapshot, writes the file,
/// and only then publishes the snapshot, so an acknowledged write is on disk and a failed one changes nothing.
/// </summary>
public sealed partial class EmbeddedGraphStore(GraphDataFile? dataFile, ILogger<EmbeddedGraphStore> logger) : IGraphStore, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile GraphSnapshot _snapshot = GraphSnapshot.Empty;
    private IReadOnlyList<TaxonomyHeader> _sources = [];

    public GraphSnapshot Snapshot => _snapshot;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (dataFile is null)
        {
            LogInMemoryOnly(logger);
            return Task.CompletedTask;
        }

        if (!dataFile.Exists)
        {
            LogNewDataFile(logger, dataFile.Path);
            return Task.CompletedTask;
        }

        try
        {
            Publish(dataFile.Read());
        }
        catch (TaxonomyValidationException e)
        {
            throw new InvalidOperationException($"The data file {dataFile.Path} cannot be read: {e.Message}", e);
        }

        LogLoaded(logger, _snapshot.NodeCount, _snapshot.LinkCount, dataFile.Path);
        return Task.CompletedTask;
    }

    public Task<GraphStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var graph = _snapshot;
        var byKind = Enum.GetValues<NodeKind>().ToDictionary(k => k, k => graph.OfKind(k).Length);
        return Task.FromResult(new GraphStatistics(byKind, graph.LinkCount));
    }

    public Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var graph = _snapshot;
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

    public Task<IReadOnlyDictionary<string, IReadOnlyList<LinkedNode>>> GetLinkedAsync(
        IReadOnlyCollection<string> ids, RelationKind relation, LinkDirection direction, CancellationToken cancellationToken)
    {
        var graph = _snapshot;
        var outgoing = direction == LinkDirection.Outgoing;
        var result = new Dictionary<string, IReadOnlyList<LinkedNode>>(ids.Count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!graph.TryGetIndex(id, out var index))
            {
                result[id] = [];
                continue;
            }

            var linked = new List<(int Node, GraphLink Link)>();
            foreach (var adjacent in graph.Neighbors(index))
            {
                if (adjacent.Relation == relation && adjacent.Outgoing == outgoing)
                {
                    linked.Add((adjacent.Node, graph.Link(adjacent.Link)));
                }
            }

            linked.Sort((a, b) =>
            {
                var byWeight = b.Link.Weight.CompareTo(a.Link.Weight);
                return byWeight != 0 ? byWeight : graph.CompareByName(a.Node, b.Node);
            });
            result[id] = linked.Select(x => new LinkedNode(graph[x.Node], x.Link)).ToArray();
        }

        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<LinkedNode>>>(result);
    }

    public Task<NodePage> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken)
    {
        query.Page.Validate();
        return Task.FromResult(NodeListing.Page(_snapshot, query));
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        return Task.FromResult(NodeSearch.Find(_snapshot, query.Text, query.Kinds, query.First));
    }

    public Task<OverlapResult> OverlapAsync(OverlapQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var graph = _snapshot;
        var roles = query.RoleIds.Select(id => RoleIndex(graph, "roleIds", id)).ToArray();
        return Task.FromResult(Overlap.Compute(graph, roles, query.EffectiveKinds));
    }

    public Task<IReadOnlyList<GraphPath>> ShortestPathsAsync(PathQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var graph = _snapshot;
        var from = NodeIndex(graph, "fromId", query.FromId);
        var to = NodeIndex(graph, "toId", query.ToId);
        return Task.FromResult(ShortestPaths.Find(graph, from, to, query.MaxHops, query.Via, query.First));
    }

    public Task<SkillGapResult> SkillGapAsync(string fromRoleId, string toRoleId, CancellationToken cancellationToken)
    {
        var graph = _snapshot;
        var from = RoleIndex(graph, "fromRoleId", fromRoleId);
        var to = RoleIndex(graph, "toRoleId", toRoleId);
        return Task.FromResult(SkillGap.Compute(graph, from, to));
    }

    public Task<IReadOnlyList<SimilarRole>> SimilarRolesAsync(string roleId, int first, CancellationToken cancellationToken)
    {
        if (first < 1 || first > PageRequest.MaxPageSize)
        {
            throw GraphInputException.OutOfRange("first", first, 1, PageRequest.MaxPageSize);
        }

        var graph = _snapshot;
        return Task.FromResult(Similarity.Rank(graph, RoleIndex(graph, "roleId", roleId), first));
    }

    public async Task ReplaceAllAsync(TaxonomyDocument document, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var snapshot = GraphSnapshot.Build(document.Nodes, document.Links);
            if (dataFile is not null)
            {
                await dataFile.WriteAsync(document, cancellationToken);
            }

            _sources = document.Sources;
            _snapshot = snapshot;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();

    private void Publish(TaxonomyDocument document)
    {
        _sources = document.Sources;
        _snapshot = GraphSnapshot.Build(document.Nodes, document.Links);
    }

    private static int NodeIndex(GraphSnapshot graph, string argument, string id) =>
        graph.TryGetIndex(id, out var index) ? index : throw GraphInputException.UnknownId(argument, id);

    private static int RoleIndex(GraphSnapshot graph, string argument, string id)
    {
        var index = NodeIndex(graph, argument, id);
        return graph[index].Kind == NodeKind.Role ? index : throw GraphInputException.WrongKind(argument, id, "Role", graph[index].Kind.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store holds the graph in memory only (no data file configured)")]
    private static partial void LogInMemoryOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store will persist to {DataFile} (not created yet)")]
    private static partial void LogNewDataFile(ILogger logger, string dataFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store loaded {Nodes} nodes and {Links} links from {DataFile}")]
    private static partial void LogLoaded(ILogger logger, int nodes, int links, string dataFile);
}
