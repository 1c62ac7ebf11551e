using RoleGraph.Core.Store;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// Gives the contract tests stores to run against: read stores already holding a dataset, shared by the tests of
/// a class and never written to, and write stores of a test's own. A fixture that cannot reach its store says why
/// in <see cref="SkipReason"/> and its tests are reported as skipped.
/// </summary>
public abstract class ContractStoreFixture : IAsyncLifetime
{
    /// <summary>Why the store under test is not available here, or null when it is.</summary>
    public string? SkipReason { get; protected set; }

    /// <summary>A store holding the dataset, shared: callers only read from it.</summary>
    public abstract Task<IGraphStore> ReadStoreAsync(ContractDataset dataset, CancellationToken cancellationToken);

    /// <summary>A store of the caller's own to write to, opened and holding the dataset (or nothing when null).</summary>
    public abstract Task<IGraphStore> WriteStoreAsync(ContractDataset? dataset, CancellationToken cancellationToken);

    public abstract ValueTask InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask DisposeAsyncCore();
}
