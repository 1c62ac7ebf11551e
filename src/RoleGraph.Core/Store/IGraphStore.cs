using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Core.Store;

/// <summary>
/// The storage port: what a store must do to hold the graph, and nothing more. Stores read and write; every
/// analysis (overlap, paths, skill gap, similarity, search ranking, link order) runs once, in
/// <c>GraphQueryService</c> (Core/Services), over the graph a store hands out through <see cref="ReadAsync"/>. Adding an
/// analysis therefore changes Core and, for a database store, at most one read statement.
/// </summary>
/// <remarks>Callers validate arguments (the query service does); a store may assume them in range.</remarks>
public interface IGraphStore
{
    /// <summary>Opens the store: loads persisted data, or sets up the database schema.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<GraphStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>The nodes with the given ids; unknown ids are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// The kind of each given id that names a node (of every node when <paramref name="ids"/> is null); unknown ids
    /// are absent. What an importer must know of a store before it allocates ids, without reading nodes or links.
    /// </summary>
    Task<IReadOnlyDictionary<string, NodeKind>> GetKindsAsync(IReadOnlyCollection<string>? ids, CancellationToken cancellationToken);

    /// <summary>One page of the nodes of a kind, filtered and ordered as asked (the page already validated).</summary>
    Task<NodePage> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// An indexed graph that holds at least the part <paramref name="scope"/> names, with every node and link of that
    /// part exactly as stored. The embedded store hands out its whole current snapshot (no copy); a database store
    /// reads just that part, in one round trip.
    /// </summary>
    ValueTask<GraphSnapshot> ReadAsync(GraphScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Plans an edit against the current graph (<see cref="GraphEditPlanner"/>) and applies it atomically: all of it
    /// or, when it throws <see cref="GraphEditException"/> or fails, none of it. Once it returns, the change is durable.
    /// A dry run plans and reports without changing anything.
    /// </summary>
    Task<EditReport> ApplyAsync(GraphEdit edit, bool dryRun, CancellationToken cancellationToken);

    /// <summary>The whole graph and the taxonomies it came from.</summary>
    Task<TaxonomyDocument> ExportAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The graph's revision: a number that changes with every write that changes the graph and with nothing else, so
    /// an answer computed at one revision holds while the revision stays. HTTP caching tags read answers with it
    /// (ETag); it must be cheap (the embedded store reads a field, a database store one small read).
    /// </summary>
    ValueTask<long> GetRevisionAsync(CancellationToken cancellationToken);
}
