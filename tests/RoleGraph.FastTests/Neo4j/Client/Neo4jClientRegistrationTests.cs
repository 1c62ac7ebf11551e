using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Neo4j;
using RoleGraph.Neo4j.Client;

namespace RoleGraph.Tests.Neo4j.Client;

public sealed class Neo4jClientRegistrationTests
{
    [Fact]
    public void AddNeo4jClient_registers_the_http_client_over_pooled_keep_alive_connections()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<Neo4jOptions>(options => options.Uri = new Uri("http://neo4j.example:7474"));
        services.AddNeo4jClient();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<Neo4jHttpClient>(provider.GetRequiredService<INeo4jClient>());

        // The typed client's handler chain ends in the SocketsHttpHandler that keeps connections alive and renews them.
        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(INeo4jClient));
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.Equal(TimeSpan.FromMinutes(2), sockets.PooledConnectionLifetime);
    }
}
