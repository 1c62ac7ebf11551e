using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
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

    public virtual Task<IReadOnlyDictionary<string, NodeKind>> GetKindsAsync(IReadOnlyCollection<string>? ids, CancellationToken cancellationToken) =>
        Inner.GetKindsAsync(ids, cancellationToken);

    public virtual Task<NodePage> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken) => Inner.QueryNodesAsync(query, cancellationToken);

    public virtual ValueTask<GraphSnapshot> ReadAsync(GraphScope scope, CancellationToken cancellationToken) => Inner.ReadAsync(scope, cancellationToken);

    public virtual Task<EditReport> ApplyAsync(GraphEdit edit, bool dryRun, CancellationToken cancellationToken) => Inner.ApplyAsync(edit, dryRun, cancellationToken);

    public virtual Task<TaxonomyDocument> ExportAsync(CancellationToken cancellationToken) => Inner.ExportAsync(cancellationToken);

    public virtual ValueTask<long> GetRevisionAsync(CancellationToken cancellationToken) => Inner.GetRevisionAsync(cancellationToken);
}
