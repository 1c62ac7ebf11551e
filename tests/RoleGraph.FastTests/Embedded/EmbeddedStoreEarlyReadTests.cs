using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Embedded;

namespace RoleGraph.Tests.Embedded;

/// <summary>
/// A service reads and builds its data file's graph while its server binds (<see cref="EmbeddedGraphStore.BeginOpening"/>),
/// before it opens the store. That early read locks and creates nothing; the open takes its result only when the
/// file is still the one read, replays the journal on top as usual, and refuses a damaged file exactly as without it.
/// </summary>
public sealed class EmbeddedStoreEarlyReadTests : IDisposable
{
    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    /// <summary>Seed and sample compacted into a binary snapshot, with an empty journal; returns the store's dump.</summary>
    private async Task<string[]> WriteCompactedAsync()
    {
        using var store = await _data.OpenAsync();
        await store.ApplyAsync(GraphEdit.Import(TestDocuments.Seed(), ImportMode.Merge), dryRun: false, _ct);
        await store.ApplyAsync(GraphEdit.Import(TestDocuments.Sample(), ImportMode.Merge), dryRun: false, _ct);
        await store.WriteSnapshotAsync(_ct);
        return await StoreDirectory.DumpAsync(store);
    }

    private static GraphEdit NewSkill(string id) =>
        new() { UpsertNodes = [new GraphNode(id, NodeKind.Skill, "Skill " + id, null, [], GraphNode.NoProperties)] };

    [Fact]
    public async Task An_unchanged_file_opens_with_the_graph_read_early_and_the_same_content()
    {
        var expected = await WriteCompactedAsync();
        var dataFile = new GraphDataFile(_data.DataPath);
        using var store = new EmbeddedGraphStore(dataFile, NullLogger<EmbeddedGraphStore>.Instance);

        await store.BeginOpening();
        await store.InitializeAsync(_ct);

        Assert.True(dataFile.OpenedPrereadSnapshot);
        Assert.True(store.OpenedPrebuiltGraph);
        Assert.Equal(expected, await StoreDirectory.DumpAsync(store));
        Assert.Equal(2, await store.GetRevisionAsync(_ct));

        // Open for writes as usual: the lock is held and a write lands in the journal.
        Assert.Throws<IOException>(() => new FileStream(_data.LockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());
        await store.ApplyAsync(NewSkill("after-early-read"), dryRun: false, _ct);
        Assert.Equal([3L], _data.JournalRevisions());
    }

    [Fact]
    public async Task Reading_early_locks_nothing_and_creates_nothing()
    {
        var missing = _data.Directory.Combine(Path.Combine("not-yet", "data.json"));
        using (var nothing = new EmbeddedGraphStore(new GraphDataFile(missing), NullLogger<EmbeddedGraphStore>.Instance))
        {
            await nothing.BeginOpening();
            Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
        }

        var expected = await WriteCompactedAsync();
        using var early = _data.Create();
        await early.BeginOpening();

        // Another process may still open the file (the early reader holds no lock) and sees it unchanged.
        using (var other = await _data.OpenAsync())
        {
            Assert.Equal(expected, await StoreDirectory.DumpAsync(other));
        }
    }

    [Fact]
    public async Task A_snapshot_replaced_after_the_early_read_opens_as_replaced()
    {
        await WriteCompactedAsync();
        var dataFile = new GraphDataFile(_data.DataPath);
        using var store = new EmbeddedGraphStore(dataFile, NullLogger<EmbeddedGraphStore>.Instance);
        await store.BeginOpening();

        string[] expected;
        using (var other = await _data.OpenAsync())
        {
            await other.ApplyAsync(NewSkill("written-in-between"), dryRun: false, _ct);
            await other.WriteSnapshotAsync(_ct);
            expected = await StoreDirectory.DumpAsync(other);
        }

        await store.InitializeAsync(_ct);

        Assert.False(dataFile.OpenedPrereadSnapshot);
        Assert.False(store.OpenedPrebuiltGraph);
        Assert.Equal(expected, await StoreDirectory.DumpAsync(store));
        Assert.NotNull(store.Snapshot.Find("written-in-between"));
        Assert.Equal(3, await store.GetRevisionAsync(_ct));
    }

    [Fact]
    public async Task Journal_entries_are_replayed_on_top_of_the_snapshot_read_early()
    {
        await WriteCompactedAsync();
        string[] expected;
        using (var writer = await _data.OpenAsync())
        {
            await writer.ApplyAsync(NewSkill("in-the-journal"), dryRun: false, _ct);
            await writer.ApplyAsync(new GraphEdit { DeleteNodes = ["in-the-journal"], UpsertNodes = [NewSkill("also-journalled").UpsertNodes[0]] }, dryRun: false, _ct);
            expected = await StoreDirectory.DumpAsync(writer);
        }

        Assert.Equal([3L, 4L], _data.JournalRevisions());
        var dataFile = new GraphDataFile(_data.DataPath);
        using var store = new EmbeddedGraphStore(dataFile, NullLogger<EmbeddedGraphStore>.Instance);
        await store.BeginOpening();
        await store.InitializeAsync(_ct);

        Assert.True(dataFile.OpenedPrereadSnapshot);
        Assert.False(store.OpenedPrebuiltGraph); // the journal changed the graph: built again from the replayed nodes and links
        Assert.Equal(expected, await StoreDirectory.DumpAsync(store));
        Assert.Null(store.Snapshot.Find("in-the-journal"));
        Assert.NotNull(store.Snapshot.Find("also-journalled"));
        Assert.Equal(4, await store.GetRevisionAsync(_ct));
    }

    [Fact]
    public async Task A_damaged_file_is_refused_at_open_with_the_message_an_open_without_early_read_gives()
    {
        await WriteCompactedAsync();
        var bytes = _data.SnapshotBytes();
        bytes[bytes.Length / 2] ^= 0x40;
        await File.WriteAllBytesAsync(_data.DataPath, bytes, _ct);

        string withoutEarlyRead;
        using (var plain = _data.Create())
        {
            withoutEarlyRead = (await Assert.ThrowsAsync<InvalidOperationException>(() => plain.InitializeAsync(_ct))).Message;
        }

        using var store = _data.Create();
        await store.BeginOpening(); // does not throw: the open reports
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));

        Assert.Equal(withoutEarlyRead, error.Message);
        Assert.Contains(_data.DataPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Snapshot.NodeCount);
        Assert.Equal(bytes, _data.SnapshotBytes());
    }
}
