using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Embedded;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Contract;

/// <summary>The graphs the contract runs on.</summary>
public enum ContractDataset
{
    /// <summary>The repository's seed (seed/article.taxonomy.yaml), read as the host seeds an empty store.</summary>
    Seed,

    /// <summary>The deterministic graph of a few thousand nodes (<see cref="GeneratedGraph"/>).</summary>
    Generated,
}

/// <summary>The datasets as documents, as independent models, and loaded into stores.</summary>
internal static class ContractDatasets
{
    // The host's seeding path (GraphStoreInitializer): every taxonomy file of the seed directory, imported in replace mode.
    private static readonly Lazy<TaxonomyDocument> SeedDocument = new(() => TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed")));

    private static readonly Lazy<DatasetModel> SeedModel = new(() => new DatasetModel(SeedDocument.Value));

    private static readonly Lazy<DatasetModel> GeneratedModel = new(() => new DatasetModel(GeneratedGraph.Document));

    public static TaxonomyDocument Document(ContractDataset dataset) => dataset switch
    {
        ContractDataset.Seed => SeedDocument.Value,
        ContractDataset.Generated => GeneratedGraph.Document,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    public static DatasetModel Model(ContractDataset dataset) => dataset == ContractDataset.Seed ? SeedModel.Value : GeneratedModel.Value;

    public static GraphEdit Edit(ContractDataset dataset) => GraphEdit.Import(Document(dataset), ImportMode.Replace);

    public static Task<EditReport> LoadAsync(IGraphStore store, ContractDataset dataset, CancellationToken cancellationToken) =>
        store.ApplyAsync(Edit(dataset), dryRun: false, cancellationToken);
}

/// <summary>
/// In-memory embedded stores holding each dataset: the reference every contract test compares the store under test
/// with. The shared ones are only read; tests that write get fresh ones.
/// </summary>
internal static class ReferenceStores
{
    private static readonly Lazy<Task<EmbeddedGraphStore>> SharedSeed = new(() => CreateAsync(ContractDataset.Seed, CancellationToken.None));

    private static readonly Lazy<Task<EmbeddedGraphStore>> SharedGenerated = new(() => CreateAsync(ContractDataset.Generated, CancellationToken.None));

    public static Task<EmbeddedGraphStore> SharedAsync(ContractDataset dataset) =>
        (dataset == ContractDataset.Seed ? SharedSeed : SharedGenerated).Value;

    /// <summary>A new in-memory embedded store, opened, holding the dataset (or nothing). The caller disposes it.</summary>
    public static async Task<EmbeddedGraphStore> CreateAsync(ContractDataset? dataset, CancellationToken cancellationToken)
    {
        var store = new EmbeddedGraphStore(null, NullLogger<EmbeddedGraphStore>.Instance);
        await store.InitializeAsync(cancellationToken);
        if (dataset is { } d)
        {
            await ContractDatasets.LoadAsync(store, d, cancellationToken);
        }

        return store;
    }
}
