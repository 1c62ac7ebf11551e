using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Cypher;
using RoleGraph.Neo4j.Store;
using RoleGraph.Tests.Contract.Emulated;
using RoleGraph.Tests.Neo4j.Client;

namespace RoleGraph.Tests.Neo4j.Store;

/// <summary>
/// Neo4j reads committed: each statement sees the writes committed before it ran, so a read of several statements
/// can straddle a write. The emulator models that, and lets a write commit between two statements of a read.
/// </summary>
public sealed class Neo4jConsistentReadTests : IDisposable
{
    private readonly CatalogNeo4jEmulator _emulator = new();
    private readonly List<IDisposable> _servers = [];

    public void Dispose()
    {
        _emulator.Dispose();
        _servers.ForEach(s => s.Dispose());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Neo4jGraphStore Store(Neo4jApi api)
    {
        var server = new EmulatedNeo4jServer(_emulator, TestClient.Authorization);
        _servers.Add(server);
        var options = Options.Create(TestClient.Options(o => o.Api = api));
        INeo4jClient client = api == Neo4jApi.Http
            ? new Neo4jHttpClient(new HttpClient(server), options, NullLogger<Neo4jHttpClient>.Instance)
            : new Neo4jQueryApiClient(new HttpClient(server), options, NullLogger<Neo4jQueryApiClient>.Instance);
        return new Neo4jGraphStore(client, NullLogger<Neo4jGraphStore>.Instance);
    }

    private static GraphNode Skill(string id) => new(id, NodeKind.Skill, id, null, [], GraphNode.NoProperties);

    [Theory]
    [InlineData(Neo4jApi.Query)]
    [InlineData(Neo4jApi.Http)]
    public async Task An_export_is_one_state_of_the_graph_even_when_a_write_commits_while_it_reads(Neo4jApi api)
    {
        var reader = Store(api);
        var writer = Store(api);
        await reader.InitializeAsync(Ct);
        await writer.ApplyAsync(new GraphEdit { UpsertNodes = [Skill("a"), Skill("b")], UpsertLinks = [new("a", "b", RelationKind.RelatedTo)] }, dryRun: false, Ct);

        // Once the export has read the nodes, another writer adds a node and a link to it, and gets as far as it can:
        // committed, or waiting for the graph's write lock.
        Task? write = null;
        _emulator.AfterStatement = text =>
        {
            if (text == ReadCypher.AllNodes && write is null)
            {
                write = Task.Run(() => writer.ApplyAsync(
                    new GraphEdit { UpsertNodes = [Skill("c")], UpsertLinks = [new("a", "c", RelationKind.RelatedTo)] }, dryRun: false, Ct));
                SpinWait.SpinUntil(() => write.IsCompleted || _emulator.WaitingWriters > 0, TimeSpan.FromSeconds(30));
            }
        };

        var export = await reader.ExportAsync(Ct);
        _emulator.AfterStatement = null;
        await write!;

        var ids = export.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(export.Links, l => Assert.True(ids.Contains(l.FromId) && ids.Contains(l.ToId), $"The export's link {l.FromId}->{l.ToId} names a node it does not hold."));
        Assert.Equal(["a", "b", "c"], (await reader.ExportAsync(Ct)).Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
    }
}
