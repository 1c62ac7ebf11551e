using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Embedded;
using RoleGraph.Tests.Algorithms;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Embedded;

/// <summary>Every sort of write reaches the data file: a new store over the same path holds exactly what was written.</summary>
public sealed class EmbeddedStorePersistenceTests : IDisposable
{
    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    private static TaxonomyDocument Extra(string engineerName = "Engineer") => TestGraph.Create()
        .Role("engineer", engineerName, "Software engineer").Skill("rust", "Rust").Tool("cargo", "Cargo")
        .Requires("engineer", "rust", 0.75, 0.25).Uses("engineer", "cargo").Supports("cargo", "rust")
        .Document("Extra");

    /// <summary>Imports in both modes, node and link upserts, link and cascading node deletes, each changing something.</summary>
    private static IReadOnlyList<GraphEdit> Writes()
    {
        var sample = TestDocuments.Sample();
        return
        [
            GraphEdit.Import(TestDocuments.Seed(), ImportMode.Merge),
            GraphEdit.Import(Extra(), ImportMode.Replace),
            GraphEdit.Import(sample with { Sources = [.. sample.Sources, new TaxonomyHeader("Second", "3.1", "Elsewhere", "MIT")] }, ImportMode.Merge),
            new GraphEdit
            {
                UpsertNodes =
                [
                    new GraphNode("go", NodeKind.Skill, "Go", "A language.", ["Golang"], new Dictionary<string, string> { ["origin"] = "Google" }),
                ],
            },
            new GraphEdit { UpsertNodes = [sample.Nodes.Single(n => n.Id == "analyst") with { Description = "Turns data into answers.", Aliases = ["Analyst II"] }] },
            new GraphEdit
            {
                UpsertLinks =
                [
                    new GraphLink("analyst", "go", RelationKind.Requires, 0.3, 0.7),
                    new GraphLink("engineer", "rust", RelationKind.Requires, 0.5, 0.9),
                ],
            },
            new GraphEdit { DeleteLinks = [new LinkKey("analyst", "pandas", RelationKind.Uses)] },

            // A link deleted and written again in one edit: replay must delete before it writes.
            new GraphEdit
            {
                DeleteLinks = [new LinkKey("analyst", "go", RelationKind.Requires)],
                UpsertLinks = [new GraphLink("analyst", "go", RelationKind.Requires, 0.35, 0.65)],
            },
            new GraphEdit { DeleteNodes = ["python"], Cascade = true },
            GraphEdit.Import(Extra("Staff engineer"), ImportMode.Merge),
        ];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_sort_of_write_survives_a_restart(bool reopenAfterEachWrite)
    {
        var store = await _data.OpenAsync();
        try
        {
            string[] expected = [];
            foreach (var edit in Writes())
            {
                await store.ApplyAsync(edit, dryRun: false, _ct);
                expected = await StoreDirectory.DumpAsync(store);
                if (reopenAfterEachWrite)
                {
                    store.Dispose();
                    store = await _data.OpenAsync();
                    Assert.Equal(expected, await StoreDirectory.DumpAsync(store));
                }
            }

            store.Dispose();
            store = await _data.OpenAsync();

            Assert.Equal(expected, await StoreDirectory.DumpAsync(store));
            var export = await store.ExportAsync(_ct);
            Assert.Equal(
                [new TaxonomyHeader("Extra"), new TaxonomyHeader("Sample", "2.0", "Written for the tests", "CC0"), new TaxonomyHeader("Second", "3.1", "Elsewhere", "MIT")],
                export.Sources);
            Assert.Null(store.Snapshot.Find("machine-learning-engineer"));
            Assert.Null(store.Snapshot.Find("python"));
            Assert.DoesNotContain(export.Links, l => l.FromId == "python" || l.ToId == "python");
            var go = Assert.Single((await store.Queries().GetLinkedAsync(["analyst"], RelationKind.Requires, LinkDirection.Outgoing, _ct))["analyst"]);
            Assert.Equal(("go", 0.35, 0.65), (go.Node.Id, go.Link.Importance, go.Link.Level));

            // The last merge import set the weights the link upsert had changed back to the document's.
            var rust = Assert.Single((await store.Queries().GetLinkedAsync(["engineer"], RelationKind.Requires, LinkDirection.Outgoing, _ct))["engineer"]);
            Assert.Equal(("rust", 0.75, 0.25), (rust.Node.Id, rust.Link.Importance, rust.Link.Level));
            var goNode = (await store.GetNodesAsync(["go"], _ct))["go"];
            Assert.Equal(("A language.", "Golang", "Google"), (goNode.Description, Assert.Single(goNode.Aliases), goNode.Property("origin")));
            Assert.Equal("Staff engineer", store.Snapshot.Find("engineer")!.Name);
            Assert.Equal(Enumerable.Range(1, Writes().Count).Select(i => (long)i), _data.JournalRevisions());
        }
        finally
        {
            store.Dispose();
        }
    }

    [Fact]
    public async Task The_seed_survives_a_round_trip_through_the_data_file()
    {
        var seed = TestDocuments.Seed();
        using (var writer = await _data.OpenAsync())
        {
            await writer.ApplyAsync(GraphEdit.Import(seed, ImportMode.Replace), dryRun: false, _ct);
        }

        using var reader = await _data.OpenAsync();
        var statistics = await reader.GetStatisticsAsync(_ct);

        Assert.Equal(StoreDirectory.Dump(seed), await StoreDirectory.DumpAsync(reader));
        Assert.Equal((seed.Nodes.Count, seed.Links.Count), (statistics.Nodes, statistics.Links));
    }

    [Fact]
    public async Task Revisions_go_up_by_one_per_write_and_carry_on_after_a_restart()
    {
        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(GraphEdit.Import(TestDocuments.Sample(), ImportMode.Merge), dryRun: false, _ct);
            await store.ApplyAsync(new GraphEdit { UpsertNodes = [Node("go")] }, dryRun: false, _ct);
            Assert.Equal([1L, 2L], _data.JournalRevisions());
        }

        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(new GraphEdit { UpsertNodes = [Node("rust")] }, dryRun: false, _ct);
        }

        Assert.Equal([1L, 2L, 3L], _data.JournalRevisions());
        Assert.Equal([[.. TestDocuments.Sample().Nodes.Select(n => n.Id)], ["go"], ["rust"]], _data.JournalLines().Select(l => l.WrittenNodeIds));
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_appends_nothing_and_takes_no_revision()
    {
        using var store = await _data.OpenAsync();
        var sample = TestDocuments.Sample();
        await store.ApplyAsync(GraphEdit.Import(sample, ImportMode.Merge), dryRun: false, _ct);
        var journal = _data.JournalBytes();

        GraphEdit[] noOps =
        [
            GraphEdit.Import(sample, ImportMode.Merge),
            GraphEdit.Import(sample, ImportMode.Replace),
            new GraphEdit { UpsertNodes = [sample.Nodes[0]], UpsertLinks = [sample.Links[0]] },
            new GraphEdit { Sources = sample.Sources },
            new GraphEdit(),
        ];
        foreach (var edit in noOps)
        {
            var report = await store.ApplyAsync(edit, dryRun: false, _ct);
            Assert.False(report.Changed);
            Assert.Equal(journal, _data.JournalBytes());
        }

        await store.ApplyAsync(new GraphEdit { UpsertNodes = [Node("go")] }, dryRun: false, _ct);
        Assert.Equal([1L, 2L], _data.JournalRevisions());
    }

    [Fact]
    public async Task An_edit_that_only_adds_a_source_is_journalled_and_survives()
    {
        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(GraphEdit.Import(TestDocuments.Sample(), ImportMode.Merge), dryRun: false, _ct);
            var report = await store.ApplyAsync(new GraphEdit { Sources = [new TaxonomyHeader("Notes", License: "CC-BY")] }, dryRun: false, _ct);
            Assert.False(report.Changed);
        }

        Assert.Equal([1L, 2L], _data.JournalRevisions());
        using var reader = await _data.OpenAsync();
        Assert.Equal(["Sample", "Notes"], (await reader.ExportAsync(_ct)).Sources.Select(s => s.Name));
        Assert.Equal("CC-BY", (await reader.ExportAsync(_ct)).Sources[1].License);
    }

    [Fact]
    public async Task The_data_directory_is_created_when_the_store_opens()
    {
        var path = _data.Directory.Combine(Path.Combine("nested", "deeper", "graph.json"));
        using (var store = new EmbeddedGraphStore(new GraphDataFile(path), NullLogger<EmbeddedGraphStore>.Instance))
        {
            await store.InitializeAsync(_ct);
            Assert.True(Directory.Exists(Path.GetDirectoryName(path)));
            await store.ApplyAsync(GraphEdit.Import(TestDocuments.Sample(), ImportMode.Replace), dryRun: false, _ct);
        }

        using var reader = new EmbeddedGraphStore(new GraphDataFile(path), NullLogger<EmbeddedGraphStore>.Instance);
        await reader.InitializeAsync(_ct);
        Assert.Equal(StoreDirectory.Dump(TestDocuments.Sample()), await StoreDirectory.DumpAsync(reader));
    }

    [Fact]
    public async Task Without_a_data_file_the_graph_lives_in_memory_only()
    {
        using var store = new EmbeddedGraphStore(null, NullLogger<EmbeddedGraphStore>.Instance);
        await store.InitializeAsync(_ct);

        await store.ApplyAsync(GraphEdit.Import(TestDocuments.Sample(), ImportMode.Replace), dryRun: false, _ct);

        Assert.Equal(StoreDirectory.Dump(TestDocuments.Sample()), await StoreDirectory.DumpAsync(store));
        Assert.Empty(_data.Directory.FileNames());
    }

    private static GraphNode Node(string id) => new(id, NodeKind.Skill, id, null, [], GraphNode.NoProperties);
}
