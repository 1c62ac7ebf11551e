using RoleGraph.Api.Hosting;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.Cli;

/// <summary>
/// The store as the service would open it: the same configuration (appsettings, environment variables), the same
/// data file, seeded when empty. The embedded store allows one process at a time, so a verb that needs it fails
/// with <see cref="ExitCodes.StoreUnavailable"/> while the service is running on the same data file.
/// </summary>
internal sealed class CliStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliStore(ServiceProvider services, IGraphStore store) => (_services, Store) = (services, store);

    public IGraphStore Store { get; }

    public static async Task<CliStore> OpenAsync(string? dataFile, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(dataFile is null ? [] : [KeyValuePair.Create<string, string?>("RoleGraph:Embedded:DataFile", dataFile)])
            .Build();

        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddRoleGraphStore(configuration)
            .BuildServiceProvider();

        // The service's own start-up step: open, and seed when empty.
        await services.GetRequiredService<GraphStoreInitializer>().InitializeAsync(cancellationToken);
        return new CliStore(services, services.GetRequiredService<IGraphStore>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
