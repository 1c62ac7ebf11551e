using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Infrastructure;

/// <summary>Passes every store call through to a real store; tests override the calls they observe or break.</summary>
public class DelegatingGraphStore : IGraphStore
{
    public IGraphStore Inner { get; set; } = null!;

    public virtual Task InitializeAsync(CancellationToken cancellationToken) => Inner.InitializeAsync(cancellationToken);

    public virtual Task<GraphStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => Inner.GetStatisticsAsync(cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Inner.GetNodesAsync(ids, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, IReadOnlyList<LinkedNode>>> GetLinkedAsync(
        IReadOnlyCollection<string> ids, RelationKind relation, LinkDirection direction, CancellationToken cancellationToken) =>
        Inner.GetLinkedAsync(ids, relation, direction, cancellationToken);

    public virtual Task<NodePage> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken) => Inner.QueryNodesAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => Inner.SearchAsync(query, cancellationToken);

    public virtual Task<OverlapResult> OverlapAsync(OverlapQuery query, CancellationToken cancellationToken) => Inner.OverlapAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<GraphPath>> ShortestPathsAsync(PathQuery query, CancellationToken cancellationToken) =>
        Inner.ShortestPathsAsync(query, cancellationToken);

    public virtual Task<SkillGapResult> SkillGapAsync(string fromRoleId, string toRoleId, CancellationToken cancellationToken) =>
        Inner.SkillGapAsync(fromRoleId, toRoleId, cancellationToken);

    public virtual Task<IReadOnlyList<SimilarRole>> SimilarRolesAsync(string roleId, int first, CancellationToken cancellationToken) =>
        Inner.SimilarRolesAsync(roleId, first, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, IReadOnlyList<SimilarRole>>> SimilarRolesAsync(
        IReadOnlyCollection<string> roleIds, int first, CancellationToken cancellationToken) =>
        Inner.SimilarRolesAsync(roleIds, first, cancellationToken);

    public virtual Task<EditReport> ApplyAsync(GraphEdit edit, bool dryRun, CancellationToken cancellationToken) => Inner.ApplyAsync(edit, dryRun, cancellationToken);

    public virtual Task<TaxonomyDocument> ExportAsync(CancellationToken cancellationToken) => Inner.ExportAsync(cancellationToken);
}
