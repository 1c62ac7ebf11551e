using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Embedded;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Taxonomy;

namespace RoleGraph.Tests.Embedded;

public sealed class EmbeddedStorePersistenceTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    private string DataPath => _directory.Combine("data.json");

    private static EmbeddedGraphStore Store(string path) => new(new GraphDataFile(path), NullLogger<EmbeddedGraphStore>.Instance);

    private async Task<EmbeddedGraphStore> OpenAsync(string path)
    {
        var store = Store(path);
        await store.InitializeAsync(_ct);
        return store;
    }

    /// <summary>The sample taxonomy, read and validated: aliases, a description, a property, importance and level.</summary>
    private static TaxonomyDocument Sample()
    {
        using var source = new TempDirectory();
        return TaxonomyReader.ReadFiles([source.Write("sample.yaml", SampleTaxonomy.Yaml())]);
    }

    private static TaxonomyDocument SeedDocument() => TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed"));

    private static string[] Dump(EmbeddedGraphStore store) => TaxonomyDump.Of(store.Snapshot.Nodes, store.Snapshot.Links);

    private static string[] Dump(TaxonomyDocument document) => TaxonomyDump.Of(document.Nodes, document.Links);

    [Fact]
    public async Task A_new_store_over_the_same_file_holds_the_graph_that_was_written()
    {
        var document = Sample();
        using (var writer = await OpenAsync(DataPath))
        {
            await writer.ReplaceAllAsync(document, _ct);
            Assert.Equal(Dump(document), Dump(writer));
        }

        using var reader = await OpenAsync(DataPath);

        Assert.Equal(Dump(document), Dump(reader));
        var python = Assert.Single((await reader.GetLinkedAsync(["analyst"], RelationKind.Requires, LinkDirection.Outgoing, _ct))["analyst"]);
        Assert.Equal(("python", 0.9, 0.5), (python.Node.Id, python.Link.Importance, python.Link.Level));
        var analyst = (await reader.GetNodesAsync(["analyst"], _ct))["analyst"];
        Assert.Equal(["Data analyst", "BI analyst"], analyst.Aliases);
        Assert.Equal("Reporting", analyst.Property(WellKnownProperties.PrimaryFocus));
    }

    [Fact]
    public async Task The_seed_survives_a_round_trip_through_the_data_file()
    {
        var seed = SeedDocument();
        using (var writer = await OpenAsync(DataPath))
        {
            await writer.ReplaceAllAsync(seed, _ct);
        }

        using var reader = await OpenAsync(DataPath);
        var statistics = await reader.GetStatisticsAsync(_ct);

        Assert.Equal(Dump(seed), Dump(reader));
        Assert.Equal((seed.Nodes.Count, seed.Links.Count), (statistics.Nodes, statistics.Links));
    }

    [Fact]
    public async Task A_write_leaves_one_valid_json_file_and_no_temporary_file()
    {
        using var store = await OpenAsync(DataPath);

        await store.ReplaceAllAsync(Sample(), _ct);
        await store.ReplaceAllAsync(SeedDocument(), _ct);

        Assert.Equal(["data.json"], _directory.FileNames());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(DataPath, _ct));
        Assert.Equal(TaxonomyFile.CurrentFormatVersion, json.RootElement.GetProperty("formatVersion").GetInt32());
    }

    [Fact]
    public async Task A_write_replaces_a_larger_existing_file_whole()
    {
        await File.WriteAllTextAsync(DataPath, new string('x', 1 << 20), _ct);
        using var store = Store(DataPath);

        await store.ReplaceAllAsync(Sample(), _ct);

        var written = await File.ReadAllTextAsync(DataPath, _ct);
        Assert.DoesNotContain("xxx", written, StringComparison.Ordinal);
        using (JsonDocument.Parse(written))
        {
        }

        using var reader = await OpenAsync(DataPath);
        Assert.Equal(Dump(Sample()), Dump(reader));
    }

    [Fact]
    public async Task Replacing_a_big_graph_with_a_small_one_leaves_only_the_small_one()
    {
        using (var store = await OpenAsync(DataPath))
        {
            await store.ReplaceAllAsync(SeedDocument(), _ct);
            await store.ReplaceAllAsync(Sample(), _ct);
            Assert.Null(store.Snapshot.Find("machine-learning-engineer"));
        }

        using var reader = await OpenAsync(DataPath);

        Assert.Equal(Dump(Sample()), Dump(reader));
    }

    [Fact]
    public async Task The_data_directory_is_created_on_the_first_write()
    {
        var path = _directory.Combine(Path.Combine("nested", "deeper", "graph.json"));
        using var store = await OpenAsync(path);

        Assert.False(File.Exists(path));
        Assert.Equal(0, store.Snapshot.NodeCount);

        await store.ReplaceAllAsync(Sample(), _ct);

        using var reader = await OpenAsync(path);
        Assert.Equal(Dump(Sample()), Dump(reader));
    }

    [Fact]
    public async Task A_failed_write_leaves_no_temporary_file_and_keeps_the_previous_graph()
    {
        using var store = await OpenAsync(DataPath);
        await store.ReplaceAllAsync(Sample(), _ct);

        // A directory where the data file should be: the temporary file is written, the final rename fails.
        File.Delete(DataPath);
        Directory.CreateDirectory(DataPath);
        await Assert.ThrowsAnyAsync<IOException>(() => store.ReplaceAllAsync(SeedDocument(), _ct));

        Assert.Equal(Dump(Sample()), Dump(store));
        Assert.Equal(["data.json"], _directory.FileNames());
        Assert.Empty(Directory.EnumerateFileSystemEntries(DataPath));
    }

    [Fact]
    public async Task A_write_that_cannot_create_its_directory_changes_nothing()
    {
        // The data file sits below a path that is a file, so its directory cannot be created.
        var blocker = _directory.Write("blocker", "not a directory");
        using var store = Store(Path.Combine(blocker, "data.json"));

        await Assert.ThrowsAnyAsync<IOException>(() => store.ReplaceAllAsync(Sample(), _ct));

        Assert.Equal(0, store.Snapshot.NodeCount);
        Assert.Equal(["blocker"], _directory.FileNames());
    }

    [Fact]
    public async Task Without_a_data_file_the_graph_lives_in_memory_only()
    {
        using var store = new EmbeddedGraphStore(null, NullLogger<EmbeddedGraphStore>.Instance);
        await store.InitializeAsync(_ct);

        await store.ReplaceAllAsync(Sample(), _ct);

        Assert.Equal(Dump(Sample()), Dump(store));
        Assert.Empty(_directory.FileNames());
    }
}
