using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Embedded;

/// <summary>A snapshot the store cannot trust fails opening with the path in the message, and leaves the data unlocked.</summary>
public sealed class EmbeddedStoreDataFileErrorTests : IDisposable
{
    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    private const string ValidSnapshot = """
        { "formatVersion": 1, "revision": 2, "sources": [ { "name": "x" } ],
          "nodes": [ { "id": "a", "kind": "Role", "name": "A" }, { "id": "b", "kind": "Skill", "name": "B" } ],
          "links": [ { "from": "a", "to": "b", "relation": "REQUIRES", "importance": 0.5 } ] }
        """;

    [Theory]
    [InlineData("{ \"formatVersion\": 1, \"revision\": ")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{ \"formatVersion\": 2, \"revision\": 0, \"sources\": [], \"nodes\": [], \"links\": [] }")]
    [InlineData("{ \"formatVersion\": 1, \"revision\": 0, \"sources\": [], \"nodes\": [], \"links\": [ { \"from\": \"a\", \"to\": \"b\", \"relation\": \"REQUIRES\" } ] }")]
    [InlineData("{ \"formatVersion\": 1, \"revision\": 0, \"sources\": [], \"nodes\": [ { \"id\": \"a\", \"kind\": \"Planet\", \"name\": \"A\" } ], \"links\": [] }")]
    [InlineData("{ \"formatVersion\": 1, \"revision\": 0, \"sources\": [], \"nodes\": [ { \"id\": \"a\", \"kind\": \"Role\", \"name\": \"A\" }, { \"id\": \"a\", \"kind\": \"Role\", \"name\": \"B\" } ], \"links\": [] }")]
    [InlineData("{ \"formatVersion\": 1, \"revision\": 0, \"sources\": [], \"nodes\": [], \"links\": [], \"extra\": true }")]
    [InlineData("{ \"formatVersion\": 1, \"taxonomy\": { \"name\": \"an old-style data file\" }, \"nodes\": [], \"links\": [] }")]
    public async Task A_corrupt_snapshot_fails_opening_naming_the_file(string content)
    {
        await File.WriteAllTextAsync(_data.DataPath, content, _ct);
        using (var store = _data.Create())
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));

            Assert.Contains(_data.DataPath, error.Message, StringComparison.Ordinal);
            Assert.Equal(0, store.Snapshot.NodeCount);
        }

        Assert.Equal(content, await File.ReadAllTextAsync(_data.DataPath, _ct));

        // The failed open released the lock: with the file repaired, the next store opens it.
        await File.WriteAllTextAsync(_data.DataPath, ValidSnapshot, _ct);
        using var repaired = await _data.OpenAsync();
        Assert.Equal((2, 1), (repaired.Snapshot.NodeCount, repaired.Snapshot.LinkCount));
    }

    [Theory]
    [InlineData("{ \"formatVersion\": 1, \"revision\": 0, \"sources\": [], \"nodes\": [ null ], \"links\": [] }")]
    [InlineData("{ \"formatVersion\": 1, \"revision\": 0, \"sources\": [], \"nodes\": [], \"links\": [ null ] }")]
    [InlineData("{ \"formatVersion\": 1, \"revision\": 0, \"sources\": [ null ], \"nodes\": [], \"links\": [] }")]
    [InlineData("{ \"formatVersion\": 1, \"revision\": 0, \"sources\": null, \"nodes\": [], \"links\": [] }")]
    public async Task A_snapshot_with_null_entries_fails_opening_naming_the_file(string content)
    {
        // The store never writes these; a hand-edited or damaged file might hold them.
        await File.WriteAllTextAsync(_data.DataPath, content, _ct);
        using (var store = _data.Create())
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));

            Assert.Contains(_data.DataPath, error.Message, StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(_data.DataPath, ValidSnapshot, _ct);
        using var repaired = await _data.OpenAsync();
        Assert.Equal(2, repaired.Snapshot.NodeCount);
    }

    [Fact]
    public async Task A_valid_snapshot_is_read_with_its_sources_weights_and_revision()
    {
        await File.WriteAllTextAsync(_data.DataPath, ValidSnapshot, _ct);
        using (var store = await _data.OpenAsync())
        {
            var export = await store.ExportAsync(_ct);
            Assert.Equal("x", Assert.Single(export.Sources).Name);
            Assert.Equal(0.5, Assert.Single(export.Links).Importance);

            await store.ApplyAsync(new GraphEdit { DeleteNodes = ["b"], Cascade = true }, dryRun: false, _ct);
        }

        Assert.Equal([3L], _data.JournalRevisions());
    }

    [Fact]
    public async Task A_binary_snapshot_fails_opening_naming_the_file()
    {
        await File.WriteAllBytesAsync(_data.DataPath, [0x00, 0x01, 0x02, 0x80, 0xFF, 0x7B], _ct);
        using var store = _data.Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));

        Assert.Contains(_data.DataPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_snapshot_fails_opening_naming_the_file()
    {
        // Held open without sharing, the file cannot be read (the tests may run as root, so permissions would not do).
        await File.WriteAllTextAsync(_data.DataPath, ValidSnapshot, _ct);
        await using var held = new FileStream(_data.DataPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        using var store = _data.Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));

        Assert.Contains(_data.DataPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_file_whose_directory_cannot_be_created_fails_opening_naming_the_file()
    {
        // The data file sits below a path that is a file, so its directory cannot be created.
        var blocker = _data.Directory.Write("blocker", "not a directory");
        var path = Path.Combine(blocker, "data.json");
        using var store = new RoleGraph.Embedded.EmbeddedGraphStore(
            new RoleGraph.Embedded.GraphDataFile(path), Microsoft.Extensions.Logging.Abstractions.NullLogger<RoleGraph.Embedded.EmbeddedGraphStore>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(["blocker"], _data.Directory.FileNames());
    }

    [Theory]
    [InlineData("""{"revision":1,"writeNodes":[{"id":"a","kind":"Planet","name":"A"}]}""")]
    [InlineData("""{"revision":1,"writeNodes":[{"id":"a","kind":"Role","name":"A"}],"writeLinks":[{"from":"a","to":"a","relation":"LOVES"}]}""")]
    [InlineData("""{"revision":1,"writeNodes":[null]}""")]
    [InlineData("""{"revision":1,"writeNodes":[{"kind":"Role","name":"A"}]}""")]
    public async Task A_checksummed_journal_entry_the_program_cannot_apply_fails_opening_naming_the_file(string entry)
    {
        // Not a torn line (its checksum is right), but not something this program writes (a newer version? a bug?).
        await File.WriteAllBytesAsync(_data.JournalPath, [.. JournalLine.Bytes(entry), .. JournalLine.Bytes("""{"revision":2}""")], _ct);
        using (var store = _data.Create())
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));

            Assert.Contains(_data.DataPath, error.Message, StringComparison.Ordinal);
        }

        File.Delete(_data.JournalPath);
        using var reopened = await _data.OpenAsync();
        Assert.Equal(0, reopened.Snapshot.NodeCount);
    }

    [Fact]
    public async Task A_missing_snapshot_is_an_empty_graph_and_opening_does_not_create_it()
    {
        using var store = await _data.OpenAsync();

        Assert.Equal(0, store.Snapshot.NodeCount);
        Assert.Empty((await store.ExportAsync(_ct)).Sources);
        Assert.False(File.Exists(_data.DataPath));
        Assert.Empty(_data.JournalBytes());
    }

    [Fact]
    public async Task A_write_without_initializing_the_store_is_refused_and_changes_nothing()
    {
        using var store = _data.Create();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.ApplyAsync(new GraphEdit { UpsertNodes = [new GraphNode("a", NodeKind.Skill, "A", null, [], GraphNode.NoProperties)] }, dryRun: false, _ct));

        Assert.Equal(0, store.Snapshot.NodeCount);
        Assert.Empty(_data.Directory.FileNames());
    }
}
