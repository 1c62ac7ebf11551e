using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Embedded;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>A fault inside the server is INTERNAL; its details reach the client only in Development.</summary>
public sealed class InternalErrorTests
{
    private const string Secret = "disk /srv/secret-path exploded";

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task Faults_are_internal_and_masked_outside_development(string environment, bool detailed)
    {
        using var app = new RoleGraphApiFactory
        {
            EnvironmentName = environment,
            TestServices = services => services.AddSingleton<IGraphStore>(provider =>
                new FaultyStore { Inner = provider.GetRequiredService<EmbeddedGraphStore>() }),
        };

        var response = await app.GraphQL().PostAsync("{ roles { totalCount } search(text: \"python\") { kind } }");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal(2, (int)response.Data!["roles"]!["totalCount"]!);
        Assert.Equal("INTERNAL", response.SingleErrorCode());
        Assert.Equal(detailed, response.Text.Contains(Secret, StringComparison.Ordinal));
        if (!detailed)
        {
            Assert.Equal("An internal error occurred.", (string?)response.Errors![0]!["message"]);
        }
    }

    private sealed class FaultyStore : DelegatingGraphStore
    {
        public override Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
