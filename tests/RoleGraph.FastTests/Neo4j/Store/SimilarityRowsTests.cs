using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Embedded;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Cypher;
using RoleGraph.Neo4j.Store;
using RoleGraph.Tests.Contract;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Neo4j.Store;

/// <summary>
/// Similar roles on Neo4j are ranked from a reduced answer: each candidate's total weight and only the links it
/// shares, the rest standing in as one placeholder link. These tests feed the store the rows the two similarity
/// statements return, worked out here from the generated contract graph by the statements' own rules, and check
/// that the ranking equals the embedded store's over the whole graph, scores and ties included. (The statements
/// themselves run against a real Neo4j in the contract suite where one is reachable.)
/// </summary>
public sealed class SimilarityRowsTests
{
    [Fact]
    public async Task Ranking_from_the_reduced_rows_equals_the_embedded_store_for_every_role()
    {
        var (embedded, graph) = await GeneratedAsync();
        var store = new Neo4jGraphStore(new SimilarityRowsClient(graph), NullLogger<Neo4jGraphStore>.Instance);

        foreach (var role in graph.Nodes.Where(n => n.Kind == NodeKind.Role))
        {
            var expected = await embedded.Queries().SimilarRolesAsync(role.Id, 10, TestContext.Current.CancellationToken);
            var actual = await store.Queries().SimilarRolesAsync(role.Id, 10, TestContext.Current.CancellationToken);
            Assert.Equal(Show(expected), Show(actual));
        }
    }

    [Fact]
    public async Task A_batch_of_roles_ranks_each_as_alone()
    {
        var (embedded, graph) = await GeneratedAsync();
        var store = new Neo4jGraphStore(new SimilarityRowsClient(graph), NullLogger<Neo4jGraphStore>.Instance);
        var roles = graph.Nodes.Where(n => n.Kind == NodeKind.Role).Take(25).Select(n => n.Id).ToArray();

        var batch = await store.Queries().SimilarRolesAsync(roles, 5, TestContext.Current.CancellationToken);

        Assert.Equal(roles.Length, batch.Count);
        foreach (var role in roles)
        {
            Assert.Equal(Show(await embedded.Queries().SimilarRolesAsync(role, 5, TestContext.Current.CancellationToken)), Show(batch[role]));
        }
    }

    private static async Task<(EmbeddedGraphStore Store, GraphSnapshot Graph)> GeneratedAsync()
    {
        var store = await ReferenceStores.SharedAsync(ContractDataset.Generated);
        return (store, store.Snapshot);
    }

    private static string[] Show(IReadOnlyList<SimilarRole> ranked) =>
        ranked.Select(r => $"{r.Role.Id} {r.Score:R} [{string.Join(",", r.Shared.Select(i => i.Id))}]").ToArray();

    /// <summary>Answers the two similarity statements as Neo4j would, from an in-memory graph.</summary>
    private sealed class SimilarityRowsClient(GraphSnapshot graph) : INeo4jClient
    {
        public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CypherResult>>(statements.Select(Answer).ToArray());

        public Task<T> ExecuteWriteAsync<T>(Func<INeo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Reads only.");

        private CypherResult Answer(CypherStatement statement)
        {
            var ids = ((IEnumerable<string>)statement.Parameters["ids"]!).ToArray();
            var roles = ids.Where(id => graph.Find(id) is not null).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            if (statement.Text == ReadCypher.RoleItems)
            {
                var items = roles.SelectMany(ItemsOf).Select(l => l.ToId).Distinct(StringComparer.Ordinal);
                return Result(items.Select(id => new object?[] { NodeMap(graph.Find(id)!) }));
            }

            Assert.Equal(ReadCypher.SimilarityCandidates, statement.Text);
            var roleItems = roles.SelectMany(ItemsOf).Select(l => l.ToId).ToHashSet(StringComparer.Ordinal);
            var others = graph.Links
                .Where(l => l.Relation is RelationKind.Requires or RelationKind.Uses && roleItems.Contains(l.ToId) && graph.Find(l.FromId)!.Kind == NodeKind.Role)
                .Select(l => l.FromId);
            var candidates = roles.Concat(others).Distinct(StringComparer.Ordinal);
            return Result(candidates.Select(id =>
            {
                var links = ItemsOf(id).ToArray();
                var total = links.Aggregate(0.0, (sum, l) => sum + (l.Importance ?? 1.0));
                var sent = roles.Contains(id) ? links : links.Where(l => roleItems.Contains(l.ToId));
                return new object?[]
                {
                    NodeMap(graph.Find(id)!),
                    total,
                    sent.Select(l => new object?[] { l.ToId, graph.Find(l.ToId)!.Kind.ToString(), CypherNames.Type(l.Relation), l.Importance, l.Level }).ToArray(),
                };
            }));
        }

        private IEnumerable<GraphLink> ItemsOf(string roleId) =>
            graph.Links.Where(l => l.FromId == roleId && l.Relation is RelationKind.Requires or RelationKind.Uses);

        private static Dictionary<string, object?> NodeMap(GraphNode node) => new()
        {
            ["id"] = node.Id,
            ["kind"] = node.Kind.ToString(),
            ["name"] = node.Name,
            ["description"] = node.Description,
            ["aliases"] = node.Aliases,
            ["properties"] = JsonSerializer.Serialize(node.Properties),
        };

        private static CypherResult Result(IEnumerable<object?[]> rows) =>
            new([], rows.Select(row => row.Select(value => JsonSerializer.SerializeToElement(value)).ToArray()).ToList());
    }
}
