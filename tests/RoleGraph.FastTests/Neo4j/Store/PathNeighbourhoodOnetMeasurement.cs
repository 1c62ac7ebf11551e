using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Embedded;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Store;
using RoleGraph.Tests.Contract;
using RoleGraph.Tests.Contract.Emulated;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Neo4j.Client;

namespace RoleGraph.Tests.Neo4j.Store;

/// <summary>
/// Paths on O*NET through the Neo4j store over the emulator, against the embedded store's answers, with what each
/// search read: the link rows of the breadth-first neighbourhood, and the rows allShortestPaths would have built
/// (every shortest path times its length, before DISTINCT). Needs a copy of an O*NET store data file, named by
/// ROLEGRAPH_ONET_DATA_FILE (see README, "Import O*NET"); skipped without it.
/// </summary>
public sealed class PathNeighbourhoodOnetMeasurement
{
    [Fact]
    public async Task Paths_on_onet_match_the_embedded_store_and_read_the_neighbourhood_not_the_paths()
    {
        var file = Environment.GetEnvironmentVariable("ROLEGRAPH_ONET_DATA_FILE");
        Assert.SkipWhen(string.IsNullOrEmpty(file) || !File.Exists(file), "ROLEGRAPH_ONET_DATA_FILE names no O*NET data file.");
        var ct = TestContext.Current.CancellationToken;

        using var embedded = new EmbeddedGraphStore(new GraphDataFile(file!), NullLogger<EmbeddedGraphStore>.Instance);
        await embedded.InitializeAsync(ct);
        var document = await embedded.ExportAsync(ct);

        using var emulator = new CatalogNeo4jEmulator(shuffleUnordered: false);
        using var server = new EmulatedNeo4jServer(emulator, TestClient.Authorization);
        var client = new Neo4jQueryApiClient(
            new HttpClient(server), Options.Create(TestClient.Options(o => o.StatementTimeout = TimeSpan.FromHours(1))), NullLogger<Neo4jQueryApiClient>.Instance);
        var neo4j = new Neo4jGraphStore(client, NullLogger<Neo4jGraphStore>.Instance);
        await neo4j.InitializeAsync(ct);
        await neo4j.ApplyAsync(GraphEdit.Import(document, ImportMode.Replace), dryRun: false, ct);

        // Fixed pairs across the layers: role to role, role to tool, skill to tool, tool to tool.
        var random = new Random(20_261_130);
        string Pick(NodeKind kind)
        {
            var ofKind = document.Nodes.Where(n => n.Kind == kind).ToArray();
            return ofKind[random.Next(ofKind.Length)].Id;
        }

        var pairs = new[] { (NodeKind.Role, NodeKind.Role), (NodeKind.Role, NodeKind.Tool), (NodeKind.Skill, NodeKind.Tool), (NodeKind.Tool, NodeKind.Tool) }
            .SelectMany(p => Enumerable.Range(0, 3).Select(_ => (Pick(p.Item1), Pick(p.Item2))))
            .ToArray();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"O*NET: {document.Nodes.Count} nodes, {document.Links.Count} links; {pairs.Length} pairs");
        output?.WriteLine("maxHops  length  shortestPaths  rowsAllShortestPaths  linksReadBfs  requests  msEmulated");
        foreach (var maxHops in new[] { 2, 4, 6, 8 })
        {
            foreach (var (from, to) in pairs)
            {
                var query = new PathQuery(from, to, maxHops, First: 10);
                var expected = await embedded.Queries().ShortestPathsAsync(query, ct);
                var watch = Stopwatch.StartNew();
                var actual = await neo4j.Queries().ShortestPathsAsync(query, ct);
                watch.Stop();
                Assert.Equal(Show.Paths(expected), Show.Paths(actual));

                var found = await PathNeighbourhood.SearchAsync(client, new GraphScope.Paths(from, to, maxHops, null), Neo4jGraphStore.BatchSize, ct);
                var (length, count) = CountPaths(found.LinksOnPaths, from, to);
                output?.WriteLine($"{maxHops,7}  {length,6}  {count,13}  {count * length,20}  {found.LinksRead,12}  {found.Requests,8}  {watch.Elapsed.TotalMilliseconds,10:0}");
            }
        }
    }

    /// <summary>The shortest length and how many shortest paths there are, counted over the links on them.</summary>
    private static (int Length, long Count) CountPaths(IReadOnlyCollection<GraphLink> links, string from, string to)
    {
        if (links.Count == 0)
        {
            return (0, 0);
        }

        var adjacent = links.SelectMany(l => new[] { (l.FromId, l.ToId), (l.ToId, l.FromId) }).ToLookup(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [from] = 0 };
        var count = new Dictionary<string, long>(StringComparer.Ordinal) { [from] = 1 };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in adjacent[node])
            {
                if (distance.TryAdd(next, distance[node] + 1))
                {
                    queue.Enqueue(next);
                }

                if (distance[next] == distance[node] + 1)
                {
                    count[next] = count.GetValueOrDefault(next) + count[node];
                }
            }
        }

        return (distance[to], count[to]);
    }
}
