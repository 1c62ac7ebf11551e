using GraphQL.DataLoader;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.Loading;

/// <summary>
/// Collects the link lookups that the resolvers of one level of a GraphQL response ask for and answers them
/// with one store call per (relation, direction). GraphQL.NET resolves every field of a level before it awaits
/// any <see cref="IDataLoaderResult"/>, so a list of 100 roles asking for skills costs one call, not 100.
/// One instance per request.
/// </summary>
public sealed class LinkBatchLoader(IGraphStore store)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(RelationKind, LinkDirection), Batch> _pending = [];

    public IDataLoaderResult<IReadOnlyList<LinkedNode>> Load(string id, RelationKind relation, LinkDirection direction) =>
        Load(id, relation, direction, static linked => linked);

    /// <summary>Queues a lookup and shapes its answer once the batch has run.</summary>
    public IDataLoaderResult<T> Load<T>(string id, RelationKind relation, LinkDirection direction, Func<IReadOnlyList<LinkedNode>, T> shape)
    {
        lock (_gate)
        {
            var key = (relation, direction);
            if (!_pending.TryGetValue(key, out var batch))
            {
                batch = new Batch(this, key);
                _pending.Add(key, batch);
            }

            batch.Ids.Add(id);
            return new Result<T>(batch, id, shape);
        }
    }

    private Task<IReadOnlyDictionary<string, IReadOnlyList<LinkedNode>>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Once a batch runs, later lookups of the same key start a new one.
            if (batch.Running is null)
            {
                _pending.Remove(batch.Key);
                batch.Running = store.GetLinkedAsync(batch.Ids, batch.Key.Item1, batch.Key.Item2, cancellationToken);
            }

            return batch.Running;
        }
    }

    private sealed class Batch(LinkBatchLoader owner, (RelationKind, LinkDirection) key)
    {
        public LinkBatchLoader Owner { get; } = owner;
        public (RelationKind, LinkDirection) Key { get; } = key;
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
        public Task<IReadOnlyDictionary<string, IReadOnlyList<LinkedNode>>>? Running { get; set; }
    }

    private sealed class Result<T>(Batch batch, string id, Func<IReadOnlyList<LinkedNode>, T> shape) : IDataLoaderResult<T>
    {
        public async Task<T> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var all = await batch.Owner.Dispatch(batch, cancellationToken);
            return shape(all.TryGetValue(id, out var linked) ? linked : []);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
