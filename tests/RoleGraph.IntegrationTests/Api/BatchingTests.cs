using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Embedded;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>Nested list fields cost one store call per field and level, however many rows they are asked for.</summary>
public sealed class BatchingTests : IDisposable
{
    private readonly CountingStore _counter = new();
    private readonly RoleGraphApiFactory _app;

    public BatchingTests()
    {
        _app = new RoleGraphApiFactory
        {
            TestServices = services => services.AddSingleton<IGraphStore>(provider =>
            {
                _counter.Inner = provider.GetRequiredService<EmbeddedGraphStore>();
                return _counter;
            }),
        };
        _app.Settings["RoleGraph:Limits:MaxDepth"] = "8"; // the query below nests seven levels of lists,
        _app.Settings["RoleGraph:Limits:MaxComplexity"] = "20000"; // which the default cost limit would refuse
    }

    [Fact]
    public async Task A_page_of_roles_with_skills_and_their_roles_makes_one_call_per_level()
    {
        var client = _app.GraphQL();
        await client.QueryAsync("{ roles { totalCount } }"); // start the host and let seeding finish
        _counter.LinkedCalls.Clear();

        var data = await client.QueryAsync("{ roles(first: 10) { nodes { id skills { skill { id roles { role { id } } } } tools { tool { id } } } } }");

        Assert.Equal(2, data["roles"]!["nodes"]!.AsArray().Count);
        // roles.skills (2 roles at once), roles.tools (2 roles at once), skills.roles (every skill at once).
        Assert.Equal(3, _counter.LinkedCalls.Count);
        Assert.Contains((RelationKind.Requires, LinkDirection.Outgoing, 2), _counter.LinkedCalls);
        Assert.Contains((RelationKind.Uses, LinkDirection.Outgoing, 2), _counter.LinkedCalls);
        Assert.Contains((RelationKind.Requires, LinkDirection.Incoming, 14), _counter.LinkedCalls); // 7 + 10 skills, 3 shared
    }

    [Fact]
    public async Task Similar_roles_of_a_page_of_roles_cost_one_call_and_rank_as_the_root_field_does()
    {
        var client = _app.GraphQL();
        await client.QueryAsync("{ roles { totalCount } }");
        _counter.SimilarCalls.Clear();

        var data = await client.QueryAsync("{ roles(first: 10) { nodes { id similar(first: 3) { role { id } score } } } }");

        var roles = data["roles"]!["nodes"]!.AsArray();
        Assert.True(roles.Count > 1);
        Assert.Single(_counter.SimilarCalls);
        foreach (var role in roles)
        {
            var root = await client.QueryAsync("query($id: ID!) { similarRoles(roleId: $id, first: 3) { role { id } score } }", new { id = (string)role!["id"]! });
            Assert.Equal(root["similarRoles"]!.ToJsonString(), role["similar"]!.ToJsonString());
            Assert.NotEmpty(role["similar"]!.AsArray());
        }
    }

    public void Dispose() => _app.Dispose();

    /// <summary>Records each batched read and passes everything through to the real store.</summary>
    private sealed class CountingStore : DelegatingGraphStore
    {
        public System.Collections.Concurrent.ConcurrentBag<(RelationKind, LinkDirection, int)> LinkedCalls { get; } = [];

        public System.Collections.Concurrent.ConcurrentBag<int> SimilarCalls { get; } = [];

        public override ValueTask<GraphSnapshot> ReadAsync(GraphScope scope, CancellationToken cancellationToken)
        {
            switch (scope)
            {
                case GraphScope.Linked linked:
                    LinkedCalls.Add((linked.Relation, linked.Direction, linked.Ids.Count));
                    break;
                case GraphScope.RoleContent:
                    SimilarCalls.Add(1);
                    break;
            }

            return base.ReadAsync(scope, cancellationToken);
        }
    }
}
