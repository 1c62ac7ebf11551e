using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Embedded;

namespace RoleGraph.Tests.Embedded;

/// <summary>A write is all or nothing: a failed append, a refused edit and a dry run change nothing, in memory or on disk.</summary>
public sealed class EmbeddedStoreAtomicityTests : IDisposable
{
    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    private static GraphNode Skill(string id, string? description = null) => new(id, NodeKind.Skill, id, description, [], GraphNode.NoProperties);

    /// <summary>What the store and its files hold, to compare before and after an edit that must change nothing.</summary>
    private async Task<string[]> StateAsync(EmbeddedGraphStore store) =>
        [.. await StoreDirectory.DumpAsync(store), "journal " + Convert.ToHexString(_data.JournalBytes()), "snapshot " + Convert.ToHexString(_data.SnapshotBytes())];

    [Fact]
    public async Task A_failed_append_changes_nothing_and_the_next_write_succeeds()
    {
        var dataFile = new FaultyGraphDataFile(_data.DataPath);
        dataFile.FailAppendOf.Add(3);
        using (var store = await _data.OpenAsync(dataFile))
        {
            await store.ApplyAsync(GraphEdit.Import(TestDocuments.Sample(), ImportMode.Merge), dryRun: false, _ct);
            await store.ApplyAsync(new GraphEdit { UpsertNodes = [Skill("go")] }, dryRun: false, _ct);
            var before = await StateAsync(store);

            var failing = new GraphEdit
            {
                UpsertNodes = [Skill("rust"), Skill("go", "changed")],
                UpsertLinks = [new GraphLink("analyst", "rust", RelationKind.Requires, 0.5)],
                DeleteNodes = ["python"],
                Cascade = true,
            };
            await Assert.ThrowsAsync<IOException>(() => store.ApplyAsync(failing, dryRun: false, _ct));

            Assert.Equal(before, await StateAsync(store));
            Assert.Null(store.Snapshot.Find("rust"));
            Assert.NotNull(store.Snapshot.Find("python"));

            var report = await store.ApplyAsync(failing, dryRun: false, _ct);
            Assert.Equal(new ChangeCounts(1, 1, 0, 1), report.Nodes);
            Assert.Equal(4, dataFile.AppendCalls);
        }

        Assert.Equal([1L, 2L, 3L], _data.JournalRevisions());
        using var reader = await _data.OpenAsync();
        Assert.Equal("changed", reader.Snapshot.Find("go")!.Description);
        Assert.NotNull(reader.Snapshot.Find("rust"));
        Assert.Null(reader.Snapshot.Find("python"));
    }

    public static TheoryData<string, string, string> RefusedEdits => new()
    {
        { "a link to an unknown node", GraphEditProblem.BadInput, "links[0].to" },
        { "a link from a node deleted by the same edit", GraphEditProblem.BadInput, "links[0].from" },
        { "an id that belongs to another kind", GraphEditProblem.BadInput, "nodes[1].id" },
        { "a link its relation does not allow", GraphEditProblem.BadInput, "links[0].relation" },
        { "a linked node deleted without cascade", GraphEditProblem.BadInput, "deleteNodes[0]" },
        { "an unknown node deleted", GraphEditProblem.NotFound, "deleteNodes[1]" },
        { "an unknown link deleted", GraphEditProblem.NotFound, "deleteLinks[0]" },
        { "a node that is not well-formed", GraphEditProblem.BadInput, "nodes[1].id" },
        { "a weight outside 0..1", GraphEditProblem.BadInput, "links[1].importance" },
    };

    private static GraphEdit Refused(string problem) => problem switch
    {
        // Each edit also holds a valid part, which must not be applied either.
        "a link to an unknown node" => new GraphEdit
        {
            UpsertNodes = [Skill("go")],
            UpsertLinks = [new GraphLink("analyst", "nowhere", RelationKind.Requires)],
        },
        "a link from a node deleted by the same edit" => new GraphEdit
        {
            DeleteNodes = ["pandas"],
            Cascade = true,
            UpsertLinks = [new GraphLink("pandas", "sql", RelationKind.Supports)],
        },
        "an id that belongs to another kind" => new GraphEdit
        {
            UpsertNodes = [Skill("go"), new GraphNode("python", NodeKind.Tool, "Python", null, [], GraphNode.NoProperties)],
        },
        "a link its relation does not allow" => new GraphEdit
        {
            UpsertNodes = [Skill("go")],
            UpsertLinks = [new GraphLink("python", "analyst", RelationKind.Requires)],
        },
        "a linked node deleted without cascade" => new GraphEdit { DeleteNodes = ["python"], DeleteLinks = [new LinkKey("analyst", "pandas", RelationKind.Uses)] },
        "an unknown node deleted" => new GraphEdit { DeleteNodes = ["excel", "nobody"] },
        "an unknown link deleted" => new GraphEdit { DeleteLinks = [new LinkKey("analyst", "sql", RelationKind.Requires)], DeleteNodes = ["excel"] },
        "a node that is not well-formed" => new GraphEdit { UpsertNodes = [Skill("go"), Skill("Not A Slug")] },
        "a weight outside 0..1" => new GraphEdit
        {
            UpsertLinks = [new GraphLink("analyst", "sql", RelationKind.Requires, 0.5), new GraphLink("analyst", "python", RelationKind.Requires, 1.5, 0.5)],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    };

    [Theory]
    [MemberData(nameof(RefusedEdits))]
    public async Task A_refused_edit_changes_nothing_in_memory_or_on_disk(string problem, string code, string path)
    {
        string[] graph;
        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(GraphEdit.Import(TestDocuments.Sample(), ImportMode.Merge), dryRun: false, _ct);
            var before = await StateAsync(store);

            foreach (var dryRun in new[] { true, false })
            {
                var error = await Assert.ThrowsAsync<GraphEditException>(() => store.ApplyAsync(Refused(problem), dryRun, _ct));

                var single = Assert.Single(error.Problems);
                Assert.Equal((code, path), (single.Code, single.Path));
                Assert.Equal(before, await StateAsync(store));
            }

            graph = await StoreDirectory.DumpAsync(store);
            await store.ApplyAsync(new GraphEdit { UpsertNodes = [Skill("after")] }, dryRun: false, _ct);
        }

        Assert.Equal([1L, 2L], _data.JournalRevisions());
        using var reader = await _data.OpenAsync();
        Assert.Equal(graph.Length + 1, (await StoreDirectory.DumpAsync(reader)).Length);
    }

    [Fact]
    public async Task A_refused_edit_lists_every_problem()
    {
        using var store = await _data.OpenAsync();
        await store.ApplyAsync(GraphEdit.Import(TestDocuments.Sample(), ImportMode.Merge), dryRun: false, _ct);

        var edit = new GraphEdit
        {
            UpsertLinks = [new GraphLink("analyst", "nowhere", RelationKind.Requires, 1.5)],
            DeleteNodes = ["python", "nobody"],
        };
        var error = await Assert.ThrowsAsync<GraphEditException>(() => store.ApplyAsync(edit, dryRun: false, _ct));

        Assert.Equal(
            [(GraphEditProblem.NotFound, "deleteNodes[1]"), (GraphEditProblem.BadInput, "links[0].to"), (GraphEditProblem.BadInput, "deleteNodes[0]")],
            error.Problems.Select(p => (p.Code, p.Path)));
        Assert.Contains("3 problems", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_reports_what_the_edit_would_do_and_changes_nothing()
    {
        using var store = await _data.OpenAsync();
        var sample = TestDocuments.Sample();
        await store.ApplyAsync(GraphEdit.Import(sample, ImportMode.Merge), dryRun: false, _ct);
        var before = await StateAsync(store);
        var edit = new GraphEdit
        {
            UpsertNodes = [Skill("go"), Skill("sql", "changed"), sample.Nodes.Single(n => n.Id == "excel")],
            UpsertLinks =
            [
                new GraphLink("analyst", "go", RelationKind.Requires, 0.5),
                new GraphLink("analyst", "reporting", RelationKind.ResponsibleFor),
            ],
            DeleteNodes = ["python"],
            Cascade = true,
            DeleteLinks = [new LinkKey("analyst", "pandas", RelationKind.Uses)],
            Sources = [new TaxonomyHeader("Dry")],
        };

        var report = await store.ApplyAsync(edit, dryRun: true, _ct);

        Assert.True(report.DryRun);
        Assert.Equal(new ChangeCounts(Created: 1, Updated: 1, Unchanged: 1, Deleted: 1), report.Nodes);
        Assert.Equal(new ChangeCounts(Created: 1, Updated: 0, Unchanged: 1, Deleted: 4), report.Links);
        Assert.Equal(before, await StateAsync(store));
        Assert.Equal(["Sample"], (await store.ExportAsync(_ct)).Sources.Select(s => s.Name));

        var applied = await store.ApplyAsync(edit, dryRun: false, _ct);

        Assert.Equal(report with { DryRun = false }, applied);
        Assert.NotEqual(before, await StateAsync(store));
    }
}
