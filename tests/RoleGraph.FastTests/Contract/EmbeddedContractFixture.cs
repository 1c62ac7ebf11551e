using System.Collections.Concurrent;
using RoleGraph.Embedded;
using RoleGraph.Core.Store;

namespace RoleGraph.Tests.Contract;

/// <summary>The embedded store, in memory: one loaded store per dataset for reading, a new one for every writer.</summary>
public sealed class EmbeddedContractFixture : ContractStoreFixture
{
    private readonly ConcurrentDictionary<ContractDataset, Lazy<Task<EmbeddedGraphStore>>> _readStores = new();
    private readonly ConcurrentBag<EmbeddedGraphStore> _writeStores = [];

    public override ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public override async Task<IGraphStore> ReadStoreAsync(ContractDataset dataset, CancellationToken cancellationToken) =>
        await _readStores.GetOrAdd(dataset, d => new Lazy<Task<EmbeddedGraphStore>>(() => ReferenceStores.CreateAsync(d, CancellationToken.None))).Value;

    public override async Task<IGraphStore> WriteStoreAsync(ContractDataset? dataset, CancellationToken cancellationToken)
    {
        var store = await ReferenceStores.CreateAsync(dataset, cancellationToken);
        _writeStores.Add(store);
        return store;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        foreach (var store in _readStores.Values.Where(l => l.IsValueCreated))
        {
            (await store.Value).Dispose();
        }

        foreach (var store in _writeStores)
        {
            store.Dispose();
        }
    }
}
