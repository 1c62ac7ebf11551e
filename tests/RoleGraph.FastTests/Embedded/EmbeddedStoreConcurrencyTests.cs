using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Embedded;

namespace RoleGraph.Tests.Embedded;

/// <summary>
/// Concurrent writers take turns: every write lands, each with its own revision. Writers that arrive while a flush is
/// in flight share the next journal line (group commit), so the journal holds each write once, in lines whose
/// revisions rise to the last write's.
/// </summary>
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
        Assert.Equal(1, lines[0].Revision);
        Assert.Equal(Writers + 1, lines[^1].Revision);
        Assert.True(lines.Zip(lines.Skip(1)).All(pair => pair.First.Revision < pair.Second.Revision), "revisions rise line by line");
        Assert.Equal(
            Enumerable.Range(1, Writers).Select(i => $"role-{i}").Order(StringComparer.Ordinal),
            lines.Skip(1).SelectMany(l => l.WrittenNodeIds).Order(StringComparer.Ordinal));
        using var reader = await _data.OpenAsync();
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reader));
    }

    [Fact]
    public async Task Refused_edits_in_a_group_commit_change_nothing_and_the_others_land()
    {
        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(new GraphEdit { UpsertNodes = [new GraphNode("hub", NodeKind.Skill, "Hub", null, [], GraphNode.NoProperties)] }, dryRun: false, _ct);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writers = Enumerable.Range(1, Writers).Select(i => Task.Run(
                async () =>
                {
                    await start.Task;
                    // Every third edit links to a node that does not exist: refused, whichever batch it falls in.
                    var target = i % 3 == 0 ? "missing" : "hub";
                    try
                    {
                        await store.ApplyAsync(
                            new GraphEdit
                            {
                                UpsertNodes = [new GraphNode($"role-{i}", NodeKind.Role, $"Role {i}", null, [], GraphNode.NoProperties)],
                                UpsertLinks = [new GraphLink($"role-{i}", target, RelationKind.Requires, 0.5)],
                            },
                            dryRun: false,
                            _ct);
                        return true;
                    }
                    catch (GraphEditException e)
                    {
                        Assert.Equal("links[0].to", Assert.Single(e.Problems).Path);
                        return false;
                    }
                },
                _ct)).ToArray();
            start.SetResult();
            var landed = await Task.WhenAll(writers);

            Assert.Equal(Enumerable.Range(1, Writers).Select(i => i % 3 != 0), landed);
            Assert.Equal(Enumerable.Range(1, Writers).Where(i => i % 3 != 0).Select(i => $"role-{i}").Order(StringComparer.Ordinal),
                store.Snapshot.OfKind(NodeKind.Role).ToArray().Select(r => store.Snapshot[r].Id).Order(StringComparer.Ordinal));
            Assert.Equal(1 + landed.Count(l => l), await store.GetRevisionAsync(_ct));
        }

        using var reopened = await _data.OpenAsync();
        Assert.Equal(1 + (Writers - (Writers / 3)), reopened.Snapshot.NodeCount);
        Assert.Equal(Writers - (Writers / 3), reopened.Snapshot.LinkCount);
    }

    [Fact]
    public async Task Snapshots_rebuilt_in_the_background_take_over_with_every_write_made_meanwhile()
    {
        string[] expected;
        using (var store = new EmbeddedGraphStore(new GraphDataFile(_data.DataPath), Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddedGraphStore>.Instance) { RebuildAfterChanges = 8 })
        {
            await store.InitializeAsync(_ct);
            await store.ApplyAsync(new GraphEdit { UpsertNodes = [new GraphNode("hub", NodeKind.Skill, "Hub", null, [], GraphNode.NoProperties)] }, dryRun: false, _ct);
            // A snapshot derived from another whole build than the last write's means a rebuilt one took over.
            var (tookOver, root) = (0, store.Snapshot.Root);
            for (var i = 1; i <= 300 || (tookOver < 2 && i <= 3000); i++)
            {
                await store.ApplyAsync(
                    new GraphEdit
                    {
                        UpsertNodes = [new GraphNode($"r-{i % 97}", NodeKind.Role, $"Role {i}", null, [], GraphNode.NoProperties)],
                        UpsertLinks = [new GraphLink($"r-{i % 97}", "hub", RelationKind.Requires, (i % 10) / 10.0)],
                        DeleteNodes = i % 7 == 0 && i > 97 ? [$"r-{(i + 1) % 97}"] : [],
                        Cascade = true,
                    },
                    dryRun: false,
                    _ct);
                tookOver += ReferenceEquals(store.Snapshot.Root, root) ? 0 : 1;
                root = store.Snapshot.Root;
                if (i > 300)
                {
                    await Task.Delay(5, _ct); // a loaded machine may not have run the rebuild yet
                }
            }

            Assert.True(tookOver >= 2, $"rebuilt snapshots took over {tookOver} times");
            expected = await StoreDirectory.DumpAsync(store);
            var whole = RoleGraph.Core.Graph.GraphSnapshot.Build(store.Snapshot.Nodes, store.Snapshot.Links);
            Assert.Equal(whole.NodeCount, store.Snapshot.NodeCount);
            Assert.Equal(whole.RolesHolding(whole.OfKind(NodeKind.Skill)[0]), store.Snapshot.RolesHolding(store.Snapshot.OfKind(NodeKind.Skill)[0]));
        }

        using var reopened = await _data.OpenAsync();
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reopened));
    }
}
