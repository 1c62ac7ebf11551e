using System.Net;
using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RoleGraph.Core.Store;
using RoleGraph.Neo4j;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Store;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// A Neo4j 5 for the contract: the server NEO4J_URI names (its HTTP endpoint; NEO4J_USER, NEO4J_PASSWORD and
/// optionally NEO4J_DATABASE), else a container Testcontainers starts when a Docker engine is reachable, else none:
/// then <see cref="ContractStoreFixture.SkipReason"/> says so and every Neo4j contract test is skipped.
/// </summary>
/// <remarks>
/// One database holds one graph, so the fixture tracks which dataset it holds: a read loads the dataset unless it is
/// already there, a write always loads afresh and leaves the database marked as changed. Every load clears the
/// database, opens a new store on it (InitializeAsync sets up the schema) and imports the dataset through the store.
/// The tests of the class run one at a time and in an order that keeps reloads few (<see cref="ContractTestOrderer"/>).
/// </remarks>
public sealed class Neo4jContractFixture : ContractStoreFixture
{
    public const string Image = "neo4j:5.26-community";

    public const string Unavailable =
        "Neo4j contract tests need a Neo4j 5.x: set NEO4J_URI (its HTTP endpoint, e.g. http://localhost:7474) and NEO4J_USER, NEO4J_PASSWORD " +
        "(optionally NEO4J_DATABASE), or make a Docker engine reachable so that Testcontainers can start " + Image + ".";

    private const int HttpPort = 7474;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<IGraphStore> _stores = [];
    private IContainer? _container;
    private HttpClient? _http;
    private INeo4jClient? _client;
    private IGraphStore? _current;
    private ContractDataset? _loaded;

    public override async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Neo4jOptions options;
        var uri = Environment.GetEnvironmentVariable("NEO4J_URI");
        if (!string.IsNullOrWhiteSpace(uri))
        {
            options = FromEnvironment(uri);
        }
        else if (await DockerIsReachableAsync())
        {
            options = await StartContainerAsync(cancellationToken);
        }
        else
        {
            SkipReason = Unavailable;
            return;
        }

        // Loading the generated graph is a few large transactions: allow a slow server more than the service's default.
        options.RequestTimeout = TimeSpan.FromMinutes(2);

        // As the service registers it: the client bounds each request with RequestTimeout itself.
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _client = CreateClient(_http, options);

        // Fail here, once and clearly, when the server is configured but unreachable or refuses the credentials.
        await _client.RunAsync([new CypherStatement("RETURN 1 AS ok")], cancellationToken);
    }

    public override async Task<IGraphStore> ReadStoreAsync(ContractDataset dataset, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is null || _loaded != dataset)
            {
                _current = await LoadAsync(dataset, cancellationToken);
                _loaded = dataset;
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async Task<IGraphStore> WriteStoreAsync(ContractDataset? dataset, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _current = await LoadAsync(dataset, cancellationToken);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Clears the database and loads the dataset through a new store. The database counts as changed until it is done.</summary>
    private async Task<IGraphStore> LoadAsync(ContractDataset? dataset, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException(SkipReason ?? "The Neo4j fixture is not initialized.");
        _loaded = null;
        _current = null;

        // Test-only statement: the store has no "delete everything" (a replace-mode import of nothing would do,
        // but the point is to start from an empty database whatever the store under test does).
        await client.RunAsync([new CypherStatement("MATCH (n) DETACH DELETE n")], cancellationToken);

        var store = new Neo4jGraphStore(client, NullLogger<Neo4jGraphStore>.Instance);
        _stores.Add(store);
        await store.InitializeAsync(cancellationToken);
        if (dataset is { } d)
        {
            await ContractDatasets.LoadAsync(store, d, cancellationToken);
        }

        return store;
    }

    /// <summary>The one place the client is made: the service's own HTTP client, retries and all.</summary>
    /// <summary>The Query API unless NEO4J_API=Http (a 5.x server before 5.25).</summary>
    private static INeo4jClient CreateClient(HttpClient httpClient, Neo4jOptions options)
    {
        options.Api = Enum.TryParse<Neo4jApi>(Environment.GetEnvironmentVariable("NEO4J_API"), ignoreCase: true, out var api) ? api : Neo4jApi.Query;
        return options.Api == Neo4jApi.Http
            ? new Neo4jHttpClient(httpClient, Options.Create(options), NullLogger<Neo4jHttpClient>.Instance)
            : new Neo4jQueryApiClient(httpClient, Options.Create(options), NullLogger<Neo4jQueryApiClient>.Instance);
    }

    private static Neo4jOptions FromEnvironment(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"NEO4J_URI must be the HTTP endpoint of the server (e.g. http://localhost:7474), not the Bolt one; got '{uri}'.");
        }

        return new Neo4jOptions
        {
            Uri = endpoint,
            User = Environment.GetEnvironmentVariable("NEO4J_USER") is { Length: > 0 } user ? user : "neo4j",
            Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? "",
            Database = Environment.GetEnvironmentVariable("NEO4J_DATABASE") is { Length: > 0 } database ? database : "neo4j",
        };
    }

    private async Task<Neo4jOptions> StartContainerAsync(CancellationToken cancellationToken)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _container = new ContainerBuilder(Image)
            .WithEnvironment("NEO4J_AUTH", $"neo4j/{password}")
            .WithPortBinding(HttpPort, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(HttpPort).ForStatusCode(HttpStatusCode.OK)))
            .Build();
        await _container.StartAsync(cancellationToken);
        return new Neo4jOptions
        {
            Uri = new UriBuilder(Uri.UriSchemeHttp, _container.Hostname, _container.GetMappedPublicPort(HttpPort)).Uri,
            User = "neo4j",
            Password = password,
            Database = "neo4j",
        };
    }

    /// <summary>
    /// Whether a Docker engine answers, decided quickly: nothing is tried unless DOCKER_HOST or a known socket or
    /// Testcontainers configuration exists; then Testcontainers' own discovery (which pings the endpoint) decides,
    /// within ten seconds.
    /// </summary>
    internal static async Task<bool> DockerIsReachableAsync()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        string[] candidates =
        [
            "/var/run/docker.sock",
            Path.Combine(home, ".docker", "run", "docker.sock"),
            Path.Combine(home, ".docker", "desktop", "docker.sock"),
            Path.Combine(home, ".testcontainers.properties"),
            .. string.IsNullOrEmpty(runtime) ? Array.Empty<string>() : [Path.Combine(runtime, "docker.sock")],
        ];
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) && !OperatingSystem.IsWindows() && !candidates.Any(Path.Exists))
        {
            return false;
        }

        var probe = Task.Run(() =>
        {
            try
            {
                return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return false;
            }
        });
        return await Task.WhenAny(probe, Task.Delay(TimeSpan.FromSeconds(10))) == probe && await probe;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        foreach (var store in _stores)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        _http?.Dispose();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        _gate.Dispose();
    }
}
