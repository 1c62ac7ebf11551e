using Microsoft.Extensions.Logging;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Embedded;

namespace RoleGraph.Tests.Embedded;

/// <summary>
/// Compaction: once the journal outgrows max(4 MiB, the snapshot), the store writes the whole graph as a new snapshot
/// and empties the journal; a compaction that fails is logged, and the journal still holds every write.
/// </summary>
public sealed class EmbeddedStoreCompactionTests : IDisposable
{
    private const long FourMebibytes = 4 << 20;

    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    /// <summary>A skill whose description is <paramref name="size"/> copies of one letter, a different one per version.</summary>
    private static GraphNode Big(string id, int version, int size = 900_000) =>
        new(id, NodeKind.Skill, id, new string((char)('a' + version), size), [], GraphNode.NoProperties);

    private static GraphEdit Upsert(params GraphNode[] nodes) => new() { UpsertNodes = nodes };

    private long JournalLength => new FileInfo(_data.JournalPath).Length;

    private long SnapshotLength => File.Exists(_data.DataPath) ? new FileInfo(_data.DataPath).Length : 0;

    private StoredGraph Snapshot() => BinarySnapshotReader.Read(_data.SnapshotBytes());

    [Fact]
    public async Task A_journal_past_four_mebibytes_is_compacted_into_the_snapshot()
    {
        var sample = TestDocuments.Sample();
        string[] expected;
        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(GraphEdit.Import(sample, ImportMode.Merge), dryRun: false, _ct);
            for (var version = 1; version <= 4; version++)
            {
                await store.ApplyAsync(Upsert(Big("big", version)), dryRun: false, _ct);
            }

            Assert.False(File.Exists(_data.DataPath), "Not compacted below 4 MiB of journal.");
            Assert.Equal(5, _data.JournalLines().Count);

            await store.ApplyAsync(Upsert(Big("big", 5)), dryRun: false, _ct);

            Assert.Equal(0, JournalLength);
            Assert.Equal(["data.json", "data.json.journal", "data.json.lock"], _data.Directory.FileNames());
            var snapshot = Snapshot();
            Assert.Equal(6, snapshot.Revision);
            Assert.Equal(["Sample"], snapshot.Sources.Select(s => s.Name));
            Assert.Equal(sample.Nodes.Count + 1, snapshot.Nodes.Count);
            Assert.Equal(sample.Links.Count, snapshot.Links.Count);

            // Writes after a compaction go to the journal again, on top of the snapshot.
            await store.ApplyAsync(new GraphEdit { DeleteNodes = ["python"], Cascade = true }, dryRun: false, _ct);
            Assert.Equal([7L], _data.JournalRevisions());
            expected = await StoreDirectory.DumpAsync(store);
        }

        using var reader = await _data.OpenAsync();
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reader));
        Assert.Equal(Big("big", 5), reader.Snapshot.Find("big"));
        Assert.Null(reader.Snapshot.Find("python"));
    }

    [Fact]
    public async Task A_store_reopened_over_a_journal_still_empties_it_when_compacting()
    {
        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(Upsert(Big("small", 0, 10)), dryRun: false, _ct);
        }

        var logger = new RecordingLogger<EmbeddedGraphStore>();
        string[] expected;
        using (var store = await _data.OpenAsync(logger: logger))
        {
            for (var version = 1; version <= 5; version++)
            {
                await store.ApplyAsync(Upsert(Big("big", version)), dryRun: false, _ct);
            }

            Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
            Assert.Equal(0, JournalLength);
            Assert.Equal(6, Snapshot().Revision);

            expected = await StoreDirectory.DumpAsync(store);
        }

        using var reader = await _data.OpenAsync();
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reader));
    }

    [Fact]
    public async Task A_snapshot_larger_than_four_mebibytes_is_rewritten_only_once_the_journal_outgrows_it()
    {
        using var store = await _data.OpenAsync();
        await store.ApplyAsync(Upsert([.. Enumerable.Range(1, 5).Select(i => Big($"big{i}", 0))]), dryRun: false, _ct);
        Assert.Equal(0, JournalLength);
        var snapshotLength = SnapshotLength;
        Assert.True(snapshotLength > FourMebibytes);

        // Seven updates of 600 kB: past 4 MiB of journal, still short of the snapshot's 4.5 MB.
        for (var version = 1; version <= 7; version++)
        {
            await store.ApplyAsync(Upsert(Big("big1", version, 600_000)), dryRun: false, _ct);
            Assert.Equal(snapshotLength, SnapshotLength);
        }

        Assert.InRange(JournalLength, FourMebibytes + 1, snapshotLength - 1);

        await store.ApplyAsync(Upsert(Big("big1", 8, 600_000)), dryRun: false, _ct);

        Assert.Equal(0, JournalLength);
        Assert.NotEqual(snapshotLength, SnapshotLength);
    }

    [Fact]
    public async Task Compacting_directly_keeps_the_whole_graph_and_empties_the_journal()
    {
        var dataFile = new GraphDataFile(_data.DataPath);
        string[] expected;
        using (var store = await _data.OpenAsync(dataFile))
        {
            var sample = TestDocuments.Sample();
            await store.ApplyAsync(GraphEdit.Import(sample, ImportMode.Merge), dryRun: false, _ct);
            await store.ApplyAsync(new GraphEdit { UpsertLinks = [new GraphLink("analyst", "sql", RelationKind.Requires, 0.25, 0.75)] }, dryRun: false, _ct);
            var export = await store.ExportAsync(_ct);

            await dataFile.CompactAsync(new StoredGraph(export.Nodes, export.Links, export.Sources, 2), _ct);

            Assert.Equal(0, JournalLength);
            Assert.Equal(["data.json", "data.json.journal", "data.json.lock"], _data.Directory.FileNames());
            expected = await StoreDirectory.DumpAsync(store);
        }

        using var reader = await _data.OpenAsync();
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reader));
    }

    [Fact]
    public async Task A_failing_compaction_fails_no_write_and_loses_nothing()
    {
        var dataFile = new FaultyGraphDataFile(_data.DataPath) { FailCompaction = true };
        var logger = new RecordingLogger<EmbeddedGraphStore>();
        string[] expected;
        using (var store = await _data.OpenAsync(dataFile, logger))
        {
            for (var version = 1; version <= 6; version++)
            {
                await store.ApplyAsync(Upsert(Big($"big{version}", version)), dryRun: false, _ct);
            }

            Assert.Equal(2, dataFile.CompactCalls);
            var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).ToArray();
            Assert.Equal(2, warnings.Length);
            Assert.All(warnings, w => Assert.Contains(_data.DataPath, w.Message, StringComparison.Ordinal));
            Assert.All(warnings, w => Assert.IsType<IOException>(w.Exception));
            Assert.Equal(6, store.Snapshot.NodeCount);
            Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], _data.JournalRevisions());
            Assert.False(File.Exists(_data.DataPath));
            expected = await StoreDirectory.DumpAsync(store);
        }

        using var reader = await _data.OpenAsync();
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reader));
    }

    [Fact]
    public async Task A_compaction_that_cannot_replace_the_snapshot_leaves_no_temporary_file_and_keeps_the_journal()
    {
        // A directory where the snapshot should be: the temporary file is written, the rename over it fails.
        Directory.CreateDirectory(_data.DataPath);
        var dataFile = new GraphDataFile(_data.DataPath);
        using var store = await _data.OpenAsync(dataFile);
        await store.ApplyAsync(GraphEdit.Import(TestDocuments.Sample(), ImportMode.Merge), dryRun: false, _ct);
        var journal = _data.JournalBytes();
        var export = await store.ExportAsync(_ct);

        await Assert.ThrowsAnyAsync<IOException>(() => dataFile.CompactAsync(new StoredGraph(export.Nodes, export.Links, export.Sources, 1), _ct));

        Assert.Equal(["data.json", "data.json.journal", "data.json.lock"], _data.Directory.FileNames());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data.DataPath));
        Assert.Equal(journal, _data.JournalBytes());
        await store.ApplyAsync(new GraphEdit { DeleteNodes = ["excel"] }, dryRun: false, _ct);
        Assert.Equal([1L, 2L], _data.JournalRevisions());
    }
}
