using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Store;
using RoleGraph.Neo4j.Store;

namespace RoleGraph.Tests.Contract.Emulated;

/// <summary>
/// The real <see cref="Neo4jGraphStore"/> over <see cref="CatalogNeo4jEmulator"/>s: one emulator per dataset for
/// reading, a new one for every writer, each loaded as <see cref="Neo4jContractFixture"/> loads a database (an
/// empty graph, a new store, InitializeAsync, then the dataset imported through the store). Records which statements
/// every emulator ran, and which contract tests ran, for the coverage test.
/// </summary>
public sealed class EmulatedNeo4jContractFixture : ContractStoreFixture
{
    private readonly ConcurrentDictionary<ContractDataset, Lazy<Task<IGraphStore>>> _readStores = new();
    private readonly ConcurrentBag<CatalogNeo4jEmulator> _emulators = [];

    /// <summary>Names of the contract test methods that ran in this class.</summary>
    public ConcurrentDictionary<string, bool> TestsRun { get; } = new(StringComparer.Ordinal);

    /// <summary>How often each statement text ran, over every emulator of the fixture.</summary>
    public IReadOnlyDictionary<string, int> Calls =>
        _emulators.SelectMany(e => e.Calls).GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);

    public override ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public override async Task<IGraphStore> ReadStoreAsync(ContractDataset dataset, CancellationToken cancellationToken) =>
        await _readStores.GetOrAdd(dataset, d => new Lazy<Task<IGraphStore>>(() => LoadAsync(d, CancellationToken.None))).Value;

    public override Task<IGraphStore> WriteStoreAsync(ContractDataset? dataset, CancellationToken cancellationToken) => LoadAsync(dataset, cancellationToken);

    private async Task<IGraphStore> LoadAsync(ContractDataset? dataset, CancellationToken cancellationToken)
    {
        var emulator = new CatalogNeo4jEmulator();
        _emulators.Add(emulator);

        // A fresh emulator is an empty database; Clear stands for the Neo4j fixture's MATCH (n) DETACH DELETE n.
        emulator.Clear();
        var store = new Neo4jGraphStore(emulator, NullLogger<Neo4jGraphStore>.Instance);
        await store.InitializeAsync(cancellationToken);
        if (dataset is { } d)
        {
            await ContractDatasets.LoadAsync(store, d, cancellationToken);
        }

        return store;
    }

    protected override ValueTask DisposeAsyncCore()
    {
        foreach (var emulator in _emulators)
        {
            emulator.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
