using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Store;
using Microsoft.Extensions.Options;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Store;
using RoleGraph.Tests.Neo4j.Client;

namespace RoleGraph.Tests.Contract.Emulated;

/// <summary>
/// The real <see cref="Neo4jGraphStore"/> and the real client of one of Neo4j's HTTP APIs over
/// <see cref="CatalogNeo4jEmulator"/>s behind <see cref="EmulatedNeo4jServer"/>: one emulator per dataset for
/// reading, a new one for every writer, each loaded as <see cref="Neo4jContractFixture"/> loads a database (an
/// empty graph, a new store, InitializeAsync, then the dataset imported through the store). Records which statements
/// every emulator ran, and which contract tests ran, for the coverage test.
/// </summary>
public abstract class EmulatedNeo4jContractFixture(Neo4jApi api) : ContractStoreFixture
{
    private readonly ConcurrentDictionary<ContractDataset, Lazy<Task<IGraphStore>>> _readStores = new();
    private readonly ConcurrentBag<CatalogNeo4jEmulator> _emulators = [];
    private readonly ConcurrentBag<EmulatedNeo4jServer> _servers = [];

    /// <summary>The wire format the store's client speaks.</summary>
    public Neo4jApi Api { get; } = api;

    /// <summary>Query API transaction requests that did not replay the cluster affinity header, over every server.</summary>
    public int RequestsWithoutAffinity => _servers.Sum(s => s.RequestsWithoutAffinity);

    /// <summary>Requests per endpoint shape, over every server.</summary>
    public IReadOnlyDictionary<string, int> Requests =>
        _servers.SelectMany(s => s.Requests).GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);

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
        var server = new EmulatedNeo4jServer(emulator, TestClient.Authorization);
        _servers.Add(server);
        var options = Options.Create(TestClient.Options(o =>
        {
            o.Api = Api;
            o.RetryDelay = TimeSpan.Zero;
        }));
        INeo4jClient client = Api == Neo4jApi.Http
            ? new Neo4jHttpClient(new HttpClient(server), options, NullLogger<Neo4jHttpClient>.Instance)
            : new Neo4jQueryApiClient(new HttpClient(server), options, NullLogger<Neo4jQueryApiClient>.Instance);
        var store = new Neo4jGraphStore(client, NullLogger<Neo4jGraphStore>.Instance);
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

        foreach (var server in _servers)
        {
            server.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The emulated contract over the Query API's wire format (Neo4j:Api = Query, the default).</summary>
public sealed class QueryApiEmulatedNeo4jContractFixture() : EmulatedNeo4jContractFixture(Neo4jApi.Query);

/// <summary>The emulated contract over the transactional HTTP API's wire format (Neo4j:Api = Http).</summary>
public sealed class HttpApiEmulatedNeo4jContractFixture() : EmulatedNeo4jContractFixture(Neo4jApi.Http);
