using Microsoft.Extensions.DependencyInjection;

namespace RoleGraph.Neo4j.Client;

public static class Neo4jClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Neo4jHttpClient"/> as <see cref="INeo4jClient"/> (a typed HttpClient). Reads
    /// IOptions&lt;Neo4jOptions&gt;; binding them is the caller's business.
    /// </summary>
    public static IServiceCollection AddNeo4jClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<Neo4jOptions>();
        services.AddHttpClient<INeo4jClient, Neo4jHttpClient>(client =>
            {
                // The client bounds each request with Neo4jOptions.RequestTimeout itself; HttpClient's own 100 s
                // default would cut a longer configured timeout short and surface as the wrong exception.
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
        return services;
    }
}
