using RoleGraph.Core.Services;
using Microsoft.Extensions.Options;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Changes;
using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Embedded;
using RoleGraph.Core.Store;
using RoleGraph.Neo4j;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Store;

namespace RoleGraph.Api.Hosting;

internal static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// The graph store chosen by RoleGraph:Store (Embedded or Neo4j), opened and seeded before the server takes
    /// requests, and its readiness check.
    /// </summary>
    public static IServiceCollection AddRoleGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreSelectionOptions>().Bind(configuration.GetSection(StoreSelectionOptions.SectionName));
        services.AddOptions<EmbeddedStoreOptions>().Bind(configuration.GetSection(EmbeddedStoreOptions.SectionName));
        services.AddOptions<Neo4jOptions>().Bind(configuration.GetSection(Neo4jOptions.SectionName));
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.SectionName));

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmbeddedStoreOptions>>().Value;
            var file = string.IsNullOrWhiteSpace(options.DataFile)
                ? null
                : provider.GetService<DataFileReadAhead>()?.Take(options.DataFile) ?? new GraphDataFile(Path.GetFullPath(options.DataFile));
            return new EmbeddedGraphStore(file, provider.GetRequiredService<ILogger<EmbeddedGraphStore>>(), provider.GetService<IGraphChangeSink>());
        });
        services.AddNeo4jClient();
        services.AddSingleton<Neo4jGraphStore>();
        services.AddSingleton<IGraphStore>(provider => provider.GetRequiredService<IOptions<StoreSelectionOptions>>().Value.Store switch
        {
            StoreKind.Neo4j => provider.GetRequiredService<Neo4jGraphStore>(),
            _ => provider.GetRequiredService<EmbeddedGraphStore>(),
        });

        services.AddOptions<SimilarityOptions>().Bind(configuration.GetSection("RoleGraph:Similarity")).Validate(Valid, "RoleGraph:Similarity: weights are finite numbers of 0 or more, explanation sizes 0 or more.").ValidateOnStart();
        services.AddSingleton(provider => new RoleSimilarityIndexCache(provider.GetRequiredService<IOptions<SimilarityOptions>>().Value));
        services.AddSingleton(provider => new GraphQueryService(
            provider.GetRequiredService<IGraphStore>(),
            provider.GetRequiredService<RoleSimilarityIndexCache>(),
            provider.GetRequiredService<IConfiguration>().GetSection("RoleGraph:CareerPaths").Get<CareerPathOptions>() ?? CareerPathOptions.Default));

        // One instance, run by the host before it listens and callable by the command-line verbs.
        services.AddSingleton<GraphStoreInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<GraphStoreInitializer>());
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Hands the store the read of its data file begun before the host was built (<see cref="DataFileReadAhead"/>),
    /// or, when <paramref name="configuration"/> names another file, starts reading that one now, on a pool thread.
    /// </summary>
    public static IServiceCollection StartReadingDataFile(this IServiceCollection services, IConfiguration configuration, DataFileReadAhead? begun)
    {
        if (DataFileReadAhead.Begin(configuration, begun) is { } readAhead)
        {
            services.AddSingleton(readAhead);
        }

        return services;
    }

    private static bool Valid(SimilarityOptions options)
    {
        try
        {
            options.Validate();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
