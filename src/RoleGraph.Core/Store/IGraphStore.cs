using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Core.Store;

/// <summary>
/// Everything the API asks of a graph store. Both the embedded store and Neo4j implement it, with the same
/// results in the same order; lookups take batches of ids so a GraphQL field costs one call, not one per row.
/// Unknown ids in the analytical operations raise <see cref="GraphInputException"/>.
/// </summary>
public interface IGraphStore
{
    /// <summary>Opens the store: loads persisted data, or sets up the database schema.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<GraphStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>The nodes with the given ids; unknown ids are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// For each given node, the nodes it reaches over one relation in one direction, ordered by link weight
    /// (importance, 1 where absent) descending, then name, then id.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<LinkedNode>>> GetLinkedAsync(
        IReadOnlyCollection<string> ids, RelationKind relation, LinkDirection direction, CancellationToken cancellationToken);

    Task<NodePage> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    Task<OverlapResult> OverlapAsync(OverlapQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<GraphPath>> ShortestPathsAsync(PathQuery query, CancellationToken cancellationToken);

    Task<SkillGapResult> SkillGapAsync(string fromRoleId, string toRoleId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SimilarRole>> SimilarRolesAsync(string roleId, int first, CancellationToken cancellationToken);

    /// <summary>
    /// The similar roles of several roles at once (a list of roles each asking for its similar roles), by role id;
    /// ids that are not roles are absent. The default asks once per role, which costs nothing in process; a store
    /// that pays per round trip answers the whole batch in one.
    /// </summary>
    async Task<IReadOnlyDictionary<string, IReadOnlyList<SimilarRole>>> SimilarRolesAsync(
        IReadOnlyCollection<string> roleIds, int first, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<SimilarRole>>(roleIds.Count, StringComparer.Ordinal);
        foreach (var id in roleIds)
        {
            try
            {
                result[id] = await SimilarRolesAsync(id, first, cancellationToken);
            }
            catch (GraphInputException e) when (e.Argument == "roleId")
            {
                // Not a role (any more): absent, as documented.
            }
        }

        return result;
    }

    /// <summary>
    /// Plans an edit against the current graph (<see cref="GraphEditPlanner"/>) and applies it atomically: all of it
    /// or, when it throws <see cref="GraphEditException"/> or fails, none of it. Once it returns, the change is durable.
    /// A dry run plans and reports without changing anything.
    /// </summary>
    Task<EditReport> ApplyAsync(GraphEdit edit, bool dryRun, CancellationToken cancellationToken);

    /// <summary>The whole graph and the taxonomies it came from.</summary>
    Task<TaxonomyDocument> ExportAsync(CancellationToken cancellationToken);
}
