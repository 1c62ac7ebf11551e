using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Embedded;

/// <summary>Concurrent writers take turns: every write lands, each with its own revision, in journal order.</summary>
public sealed class EmbeddedStoreConcurrencyTests : IDisposable
{
    private const int Writers = 50;

    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Fifty_concurrent_writes_all_land_with_revisions_one_to_n()
    {
        string[] expected;
        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(new GraphEdit { UpsertNodes = [new GraphNode("hub", NodeKind.Skill, "Hub", null, [], GraphNode.NoProperties)] }, dryRun: false, _ct);

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writers = Enumerable.Range(1, Writers).Select(i => Task.Run(
                async () =>
                {
                    await start.Task;
                    return await store.ApplyAsync(
                        new GraphEdit
                        {
                            UpsertNodes = [new GraphNode($"role-{i}", NodeKind.Role, $"Role {i}", null, [], GraphNode.NoProperties)],
                            UpsertLinks = [new GraphLink($"role-{i}", "hub", RelationKind.Requires, i / 100.0)],
                        },
                        dryRun: false,
                        _ct);
                },
                _ct)).ToArray();
            start.SetResult();
            var reports = await Task.WhenAll(writers);

            Assert.All(reports, r => Assert.Equal((1, 1), (r.Nodes.Created, r.Links.Created)));
            Assert.Equal(Writers + 1, store.Snapshot.NodeCount);
            Assert.Equal(Writers, store.Snapshot.LinkCount);
            for (var i = 1; i <= Writers; i++)
            {
                Assert.Contains(store.Snapshot.Links, l => l.FromId == $"role-{i}" && l.Importance == i / 100.0);
            }

            expected = await StoreDirectory.DumpAsync(store);
        }

        var lines = _data.JournalLines();
        Assert.Equal(Enumerable.Range(1, Writers + 1).Select(i => (long)i), lines.Select(l => l.Revision));
        Assert.Equal(
            Enumerable.Range(1, Writers).Select(i => $"role-{i}").Order(StringComparer.Ordinal),
            lines.Skip(1).Select(l => Assert.Single(l.WrittenNodeIds)).Order(StringComparer.Ordinal));
        using var reader = await _data.OpenAsync();
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reader));
    }
}
