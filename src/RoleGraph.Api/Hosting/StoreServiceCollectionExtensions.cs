using Microsoft.Extensions.Options;
using RoleGraph.Core.Embedded;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.Hosting;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The graph store, opened and seeded before the server takes requests, and its readiness check.</summary>
    public static IServiceCollection AddRoleGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddedStoreOptions>().Bind(configuration.GetSection(EmbeddedStoreOptions.SectionName));
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.SectionName));

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmbeddedStoreOptions>>().Value;
            var file = string.IsNullOrWhiteSpace(options.DataFile) ? null : new GraphDataFile(Path.GetFullPath(options.DataFile));
            return new EmbeddedGraphStore(file, provider.GetRequiredService<ILogger<EmbeddedGraphStore>>());
        });
        services.AddSingleton<IGraphStore>(provider => provider.GetRequiredService<EmbeddedGraphStore>());

        // One instance, run by the host before it listens and callable by the command-line verbs.
        services.AddSingleton<GraphStoreInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<GraphStoreInitializer>());
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return services;
    }
}
