using RoleGraph.Core.Services;
using GraphQL.DataLoader;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.Loading;

/// <summary>Link lookups of one response level, one store call per (relation, direction).</summary>
internal sealed class LinkBatchLoader(GraphQueryService queries) : KeyedBatchLoader<(RelationKind Relation, LinkDirection Direction), IReadOnlyList<LinkedNode>>
{
    public IDataLoaderResult<IReadOnlyList<LinkedNode>> Load(string id, RelationKind relation, LinkDirection direction) =>
        Load(id, relation, direction, static linked => linked);

    public IDataLoaderResult<T> Load<T>(string id, RelationKind relation, LinkDirection direction, Func<IReadOnlyList<LinkedNode>, T> shape) =>
        Load((relation, direction), id, shape);

    protected override IReadOnlyList<LinkedNode> Missing => [];

    protected override Task<IReadOnlyDictionary<string, IReadOnlyList<LinkedNode>>> FetchAsync(
        (RelationKind Relation, LinkDirection Direction) key, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        queries.GetLinkedAsync(ids, key.Relation, key.Direction, cancellationToken);
}
