using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Neo4j;
using RoleGraph.Neo4j.Client;

namespace RoleGraph.Tests.Neo4j.Client;

public sealed class Neo4jClientRegistrationTests
{
    [Theory]
    [InlineData(null, typeof(Neo4jQueryApiClient))]
    [InlineData(Neo4jApi.Query, typeof(Neo4jQueryApiClient))]
    [InlineData(Neo4jApi.Http, typeof(Neo4jHttpClient))]
    public void AddNeo4jClient_registers_the_configured_apis_client_over_pooled_keep_alive_connections(Neo4jApi? api, Type expected)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<Neo4jOptions>(options =>
        {
            options.Uri = new Uri("http://neo4j.example:7474");
            if (api is { } chosen)
            {
                options.Api = chosen;
            }
        });
        services.AddNeo4jClient();
        using var provider = services.BuildServiceProvider();

        Assert.IsType(expected, provider.GetRequiredService<INeo4jClient>());

        // The typed client's handler chain ends in the SocketsHttpHandler that keeps connections alive and renews them.
        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(expected.Name);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.Equal(TimeSpan.FromMinutes(2), sockets.PooledConnectionLifetime);
    }
}
