using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RoleGraph.Neo4j.Client;

public static class Neo4jClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="INeo4jClient"/> as the client of the API Neo4j:Api names (the Query API by default, or
    /// the HTTP API), each a typed HttpClient. Reads IOptions&lt;Neo4jOptions&gt;; binding them is the caller's business.
    /// </summary>
    public static IServiceCollection AddNeo4jClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<Neo4jOptions>();
        AddTyped<Neo4jQueryApiClient>(services);
        AddTyped<Neo4jHttpClient>(services);
        services.AddTransient<INeo4jClient>(provider => provider.GetRequiredService<IOptions<Neo4jOptions>>().Value.Api switch
        {
            Neo4jApi.Http => provider.GetRequiredService<Neo4jHttpClient>(),
            _ => provider.GetRequiredService<Neo4jQueryApiClient>(),
        });
        return services;
    }

    /// <remarks>The factory creates the client through its public constructor, which trimming must therefore keep.</remarks>
    private static void AddTyped<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(IServiceCollection services)
        where TClient : class
    {
        services.AddHttpClient<TClient>(typeof(TClient).Name, client =>
            {
                // The client bounds each request with its own time limits; HttpClient's own 100 s default would cut
                // a longer configured one short and surface as the wrong exception.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                // Keep-alive connections are reused, and renewed every two minutes so a moved server (DNS) is seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            })

            // The handler renews its own connections, so the factory need not rotate handlers (and their pools).
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }
}
