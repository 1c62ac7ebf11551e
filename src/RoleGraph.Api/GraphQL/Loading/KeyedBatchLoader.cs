using GraphQL.DataLoader;

namespace RoleGraph.Api.GraphQL.Loading;

/// <summary>
/// Collects the per-node lookups that the resolvers of one level of a GraphQL response ask for and answers each
/// group (same <typeparamref name="TBatchKey"/>) with one store call. GraphQL.NET resolves every field of a level
/// before it awaits any <see cref="IDataLoaderResult"/>, so a list of 100 roles asking for a field costs one call,
/// not 100. One instance per request.
/// </summary>
internal abstract class KeyedBatchLoader<TBatchKey, TValue>
    where TBatchKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TBatchKey, Batch> _pending = [];

    /// <summary>The answer for an id the store returned nothing for.</summary>
    protected abstract TValue Missing { get; }

    /// <summary>One store call for every id queued under one key.</summary>
    protected abstract Task<IReadOnlyDictionary<string, TValue>> FetchAsync(TBatchKey key, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Queues a lookup and shapes its answer once the batch has run.</summary>
    protected IDataLoaderResult<T> Load<T>(TBatchKey key, string id, Func<TValue, T> shape)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(key, out var batch))
            {
                batch = new Batch(this, key);
                _pending.Add(key, batch);
            }

            batch.Ids.Add(id);
            return new Result<T>(batch, id, shape);
        }
    }

    private Task<IReadOnlyDictionary<string, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Once a batch runs, later lookups of the same key start a new one.
            if (batch.Running is null)
            {
                _pending.Remove(batch.Key);
                batch.Running = FetchAsync(batch.Key, batch.Ids, cancellationToken);
            }

            return batch.Running;
        }
    }

    private sealed class Batch(KeyedBatchLoader<TBatchKey, TValue> owner, TBatchKey key)
    {
        public KeyedBatchLoader<TBatchKey, TValue> Owner { get; } = owner;
        public TBatchKey Key { get; } = key;
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
        public Task<IReadOnlyDictionary<string, TValue>>? Running { get; set; }
    }

    private sealed class Result<T>(Batch batch, string id, Func<TValue, T> shape) : IDataLoaderResult<T>
    {
        public async Task<T> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var all = await batch.Owner.Dispatch(batch, cancellationToken);
            return shape(all.TryGetValue(id, out var value) ? value : batch.Owner.Missing);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
