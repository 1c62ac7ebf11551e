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

    /// <summary>
    /// One page of a node list. A filter on id and name only goes to the store's own listing; one that reads
    /// properties or links runs here over the part of the graph it needs: every role with its items for roles (the
    /// part similarity reads too), otherwise the nodes of the kind with their links of the filter's relations.
    /// </summary>
    public async Task<NodePage> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken)
    {
        query.Page.Validate();
        if (query.Filter is not { NeedsGraph: true } filter)
        {
            return await store.QueryNodesAsync(query, cancellationToken);
        }

        var relations = filter.Relations().ToArray();
        GraphScope scope = query.Kind == NodeKind.Role && relations.All(IsRoleItemRelation)
            ? GraphScope.RoleContent.Instance
            : new GraphScope.KindWithLinks(query.Kind, relations);
        var graph = await store.ReadAsync(scope, cancellationToken);
        return NodeListing.Page(graph, query);
    }

    /// <summary>
    /// For each given node, one page of its links of the query's relation and direction, filtered, ordered and with
    /// statistics over the whole filtered list; unknown ids get an empty page. One read for all the ids.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, LinkPage>> GetLinkPagesAsync(IReadOnlyCollection<string> ids, LinkQuery query, CancellationToken cancellationToken)
    {
        query.Page.Validate();
        var graph = await store.ReadAsync(new GraphScope.Linked(ids, query.Relation, query.Direction), cancellationToken);
        var result = new Dictionary<string, LinkPage>(ids.Count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            result[id] = graph.TryGetIndex(id, out var index) ? LinkListing.Page(graph, index, query) : LinkPage.Empty;
        }

        return result;
    }

    /// <summary>
    /// The items most held among a set of roles (named by id, matching a filter, or both), with counts and importance:
    /// facets for a search page.
    /// </summary>
    public async Task<TopItems> TopItemsAsync(TopItemsQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var ids = query.RoleIds?.Distinct(StringComparer.Ordinal).ToArray();
        GraphScope scope = ids is not null && query.Where is null ? new GraphScope.RolesWithItems(ids) : GraphScope.RoleContent.Instance;
        var graph = await store.ReadAsync(scope, cancellationToken);
        IEnumerable<int> roles = ids is not null ? ids.Select(id => graph.RoleIndex("roleIds", id)).ToArray() : graph.OfKind(NodeKind.Role).ToArray();
        if (query.Where is { } where)
        {
            var matcher = new NodeMatcher(graph, where);
            roles = roles.Where(matcher.Matches);
        }

        return ItemFacets.Top(graph, roles.ToArray(), query.EffectiveKinds, query.First);
    }

    private static bool IsRoleItemRelation(RelationKind relation) =>
        relation is RelationKind.Requires or RelationKind.Uses or RelationKind.ResponsibleFor;

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
