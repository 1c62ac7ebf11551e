using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;

namespace RoleGraph.Core.Services;

/// <summary>
/// Every question the API asks of the graph, answered the same way whatever the store: arguments are validated
/// once here, ids resolved against the graph the store hands out (<see cref="IGraphStore.ReadAsync"/>), and the
/// analyses in <see cref="Algorithms"/> run over it. Unknown ids and wrong kinds raise
/// <see cref="GraphInputException"/> naming the argument they came in.
/// </summary>
public sealed class GraphQueryService(IGraphStore store, RoleSimilarityIndexCache similarity, CareerPathOptions careerPaths)
{
    /// <summary>The service with the documented defaults for similarity and career steps.</summary>
    public GraphQueryService(IGraphStore store)
        : this(store, new RoleSimilarityIndexCache(new SimilarityOptions()), CareerPathOptions.Default)
    {
    }

    public Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        store.GetNodesAsync(ids, cancellationToken);

    /// <summary>
    /// For each given node, the nodes it reaches over one relation in one direction, in <see cref="LinkOrder"/>;
    /// unknown ids get an empty list.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<LinkedNode>>> GetLinkedAsync(
        IReadOnlyCollection<string> ids, RelationKind relation, LinkDirection direction, CancellationToken cancellationToken)
    {
        var graph = await store.ReadAsync(new GraphScope.Linked(ids, relation, direction), cancellationToken);
        var outgoing = direction == LinkDirection.Outgoing;
        var result = new Dictionary<string, IReadOnlyList<LinkedNode>>(ids.Count, StringComparer.Ordinal);
        var linked = new List<(int Node, GraphLink Link)>();
        foreach (var id in ids)
        {
            if (!graph.TryGetIndex(id, out var index))
            {
                result[id] = [];
                continue;
            }

            linked.Clear();
            foreach (var adjacent in graph.Neighbors(index))
            {
                if (adjacent.Relation == relation && adjacent.Outgoing == outgoing)
                {
                    linked.Add((adjacent.Node, graph.Link(adjacent.Link)));
                }
            }

            LinkOrder.Sort(graph, linked);
            var nodes = new LinkedNode[linked.Count];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = new LinkedNode(graph[linked[i].Node], linked[i].Link);
            }

            result[id] = nodes;
        }

        return result;
    }

    public Task<NodePage> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken)
    {
        query.Page.Validate();
        return store.QueryNodesAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        IReadOnlyCollection<NodeKind> kinds = query.Kinds is { Count: > 0 } ? query.Kinds.Distinct().ToArray() : [];
        var graph = await store.ReadAsync(new GraphScope.SearchCandidates(query.Text.Trim().ToLowerInvariant(), kinds), cancellationToken);
        return NodeSearch.Find(graph, query.Text, query.Kinds, query.First);
    }

    public async Task<OverlapResult> OverlapAsync(OverlapQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var graph = await store.ReadAsync(new GraphScope.RolesWithItems(query.RoleIds), cancellationToken);
        var roles = query.RoleIds.Select(id => graph.RoleIndex("roleIds", id)).ToArray();
        return Overlap.Compute(graph, roles, query.EffectiveKinds);
    }

    public async Task<IReadOnlyList<GraphPath>> ShortestPathsAsync(PathQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var graph = await store.ReadAsync(new GraphScope.Paths(query.FromId, query.ToId, query.MaxHops, query.Via), cancellationToken);
        var from = graph.NodeIndex("fromId", query.FromId);
        var to = graph.NodeIndex("toId", query.ToId);
        return ShortestPaths.Find(graph, from, to, query.MaxHops, query.Via, query.First, query.Order, RoleHolders.Of(graph));
    }

    public async Task<SkillGapResult> SkillGapAsync(string fromRoleId, string toRoleId, CancellationToken cancellationToken)
    {
        var graph = await store.ReadAsync(new GraphScope.RolesWithItems(fromRoleId == toRoleId ? [fromRoleId] : [fromRoleId, toRoleId]), cancellationToken);
        var from = graph.RoleIndex("fromRoleId", fromRoleId);
        var to = graph.RoleIndex("toRoleId", toRoleId);
        return SkillGap.Compute(graph, from, to);
    }

    public async Task<IReadOnlyList<SimilarRole>> SimilarRolesAsync(string roleId, int first, CancellationToken cancellationToken)
    {
        ValidateSimilarFirst(first);
        var graph = await store.ReadAsync(GraphScope.RoleContent.Instance, cancellationToken);
        return Similar(similarity.For(graph), graph.RoleIndex("roleId", roleId), first);
    }

    /// <summary>
    /// The similar roles of several roles at once (a list of roles each asking for its similar roles), by role id,
    /// from one read; ids that are not roles (any more) are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SimilarRole>>> SimilarRolesAsync(
        IReadOnlyCollection<string> roleIds, int first, CancellationToken cancellationToken)
    {
        ValidateSimilarFirst(first);
        var result = new Dictionary<string, IReadOnlyList<SimilarRole>>(roleIds.Count, StringComparer.Ordinal);
        if (roleIds.Count == 0)
        {
            return result;
        }

        var graph = await store.ReadAsync(GraphScope.RoleContent.Instance, cancellationToken);
        var index = similarity.For(graph);
        foreach (var id in roleIds)
        {
            if (graph.TryGetIndex(id, out var role) && graph[role].Kind == NodeKind.Role)
            {
                result[id] = Similar(index, role, first);
            }
        }

        return result;
    }

    /// <summary>
    /// Realistic moves from one role to another: sequences of roles in which each step goes to one of the current
    /// role's most similar roles, best product of step similarities first, each step with its skill gap.
    /// </summary>
    public async Task<IReadOnlyList<CareerPath>> CareerPathsAsync(string fromRoleId, string toRoleId, int maxSteps, int first, CancellationToken cancellationToken)
    {
        var graph = await store.ReadAsync(GraphScope.RoleContent.Instance, cancellationToken);
        var from = graph.RoleIndex("fromRoleId", fromRoleId);
        var to = graph.RoleIndex("toRoleId", toRoleId);
        var index = similarity.For(graph);
        return CareerPaths.Find(graph, index.NearestRemembered, from, to, maxSteps, first, careerPaths);
    }

    private static SimilarRole[] Similar(RoleSimilarityIndex index, int role, int first)
    {
        var ranked = index.Rank(role, first);
        var held = RoleItems.SkillsAndTools(index.Graph, role);
        var result = new SimilarRole[ranked.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var r = ranked[i];
            result[i] = new SimilarRole(r.Node, r.Score, RoleItems.SharedSkillsAndTools(index.Graph, r.Role, held), r.Facets, r.SharedItems, r.SharedTerms);
        }

        return result;
    }

    private static void ValidateSimilarFirst(int first)
    {
        if (first < 1 || first > PageRequest.MaxPageSize)
        {
            throw GraphInputException.OutOfRange("first", first, 1, PageRequest.MaxPageSize);
        }
    }
}
