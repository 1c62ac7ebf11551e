using System.Text;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Embedded;

namespace RoleGraph.Tests.Embedded;

/// <summary>
/// The journal beside the snapshot: one checksummed line per acknowledged write; a torn last line (a crash during an
/// unacknowledged write) is dropped, damage before it is refused; entries the snapshot already holds are skipped.
/// </summary>
public sealed class EmbeddedStoreJournalTests : IDisposable
{
    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    private static GraphEdit AddSkill(string id, string? description = null) =>
        new() { UpsertNodes = [new GraphNode(id, NodeKind.Skill, id, description, [], GraphNode.NoProperties)] };

    /// <summary>Three writes, each adding one skill: s1, s2, s3.</summary>
    private async Task WriteThreeAsync()
    {
        using var store = await _data.OpenAsync();
        foreach (var id in new[] { "s1", "s2", "s3" })
        {
            await store.ApplyAsync(AddSkill(id), dryRun: false, _ct);
        }
    }

    private static string[] Ids(EmbeddedGraphStore store) => store.Snapshot.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Each_write_appends_one_line_with_the_checksum_of_its_json()
    {
        await WriteThreeAsync();

        var lines = _data.JournalLines();

        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.True(l.ChecksumMatches, $"Checksum {l.Checksum} does not match {l.Json}"));
        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.Revision));
        Assert.Equal([["s1"], ["s2"], ["s3"]], lines.Select(l => l.WrittenNodeIds));
        Assert.False(File.Exists(_data.DataPath), "No snapshot is written before the journal is compacted.");
    }

    public static TheoryData<string, string[]> TornLastLines => new()
    {
        { "garbage without a newline", ["s1", "s2", "s3"] },
        { "the last line cut in half", ["s1", "s2"] },
        { "the last line with a wrong checksum", ["s1", "s2"] },
        { "a last line of valid checksum but invalid json", ["s1", "s2", "s3"] },
        { "an empty last line", ["s1", "s2", "s3"] },
    };

    [Theory]
    [MemberData(nameof(TornLastLines))]
    public async Task A_torn_last_line_is_dropped_and_cut_off_so_the_next_write_is_clean(string damage, string[] survivors)
    {
        await WriteThreeAsync();
        var journal = _data.JournalBytes();
        var lastLineStart = Array.LastIndexOf(journal, (byte)'\n', journal.Length - 2) + 1;
        var (damaged, good) = damage switch
        {
            "garbage without a newline" => ([.. journal, .. "0123456789abcdef {\"revision\":4,\"writeNo"u8], journal),
            "the last line cut in half" => (journal[..(lastLineStart + ((journal.Length - lastLineStart) / 2))], journal[..lastLineStart]),
            "the last line with a wrong checksum" => (FlipChecksum(journal, lastLineStart), journal[..lastLineStart]),
            "a last line of valid checksum but invalid json" => ([.. journal, .. JournalLine.Bytes("{\"revision\":4,")], journal),
            "an empty last line" => ([.. journal, (byte)'\n'], journal),
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
        await File.WriteAllBytesAsync(_data.JournalPath, damaged, _ct);

        using (var store = await _data.OpenAsync())
        {
            Assert.Equal(survivors, Ids(store));
            Assert.Equal(good, _data.JournalBytes());

            await store.ApplyAsync(AddSkill("s9"), dryRun: false, _ct);
        }

        var lines = _data.JournalLines();
        Assert.All(lines, l => Assert.True(l.ChecksumMatches));
        Assert.Equal(Enumerable.Range(1, survivors.Length + 1).Select(i => (long)i), lines.Select(l => l.Revision));
        using var reader = await _data.OpenAsync();
        Assert.Equal([.. survivors, "s9"], Ids(reader));
    }

    public static TheoryData<string> MiddleLineDamage => new()
    {
        "a wrong checksum",
        "a valid checksum of invalid json",
        "an empty line",
    };

    [Theory]
    [MemberData(nameof(MiddleLineDamage))]
    public async Task Damage_before_the_last_line_fails_opening_naming_the_journal_and_the_line(string damage)
    {
        await WriteThreeAsync();
        var journal = _data.JournalBytes();
        var secondLineStart = Array.IndexOf(journal, (byte)'\n') + 1;
        var thirdLineStart = Array.IndexOf(journal, (byte)'\n', secondLineStart) + 1;
        var damaged = damage switch
        {
            "a wrong checksum" => FlipChecksum(journal, secondLineStart),
            "a valid checksum of invalid json" => [.. journal[..secondLineStart], .. JournalLine.Bytes("{\"revision\":2"), .. journal[thirdLineStart..]],
            "an empty line" => [.. journal[..secondLineStart], (byte)'\n', .. journal[secondLineStart..]],
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
        await File.WriteAllBytesAsync(_data.JournalPath, damaged, _ct);
        using var store = _data.Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));

        Assert.Contains(_data.DataPath, error.Message, StringComparison.Ordinal);
        Assert.Contains(_data.JournalPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(damaged, _data.JournalBytes());
        Assert.Equal(0, store.Snapshot.NodeCount);

        // The refused open left the lock free: once the journal is repaired, the data opens.
        await File.WriteAllBytesAsync(_data.JournalPath, journal, _ct);
        using var repaired = await _data.OpenAsync();
        Assert.Equal(["s1", "s2", "s3"], Ids(repaired));
    }

    [Fact]
    public async Task A_crash_between_writing_the_snapshot_and_emptying_the_journal_loses_and_repeats_nothing()
    {
        // Compaction wrote the snapshot (revision 3) but the journal it replaces was never emptied.
        var dataFile = new GraphDataFile(_data.DataPath);
        string[] expected;
        byte[] journal;
        using (var store = await _data.OpenAsync(dataFile))
        {
            await store.ApplyAsync(AddSkill("s1", "first"), dryRun: false, _ct);
            await store.ApplyAsync(AddSkill("s2"), dryRun: false, _ct);
            await store.ApplyAsync(AddSkill("s1", "second"), dryRun: false, _ct);
            journal = _data.JournalBytes();
            var export = await store.ExportAsync(_ct);
            await dataFile.CompactAsync(new StoredGraph(export.Nodes, export.Links, export.Sources, 3), _ct);
            Assert.Empty(_data.JournalBytes());
            expected = await StoreDirectory.DumpAsync(store);
        }

        await File.WriteAllBytesAsync(_data.JournalPath, journal, _ct);

        using (var store = await _data.OpenAsync())
        {
            Assert.Equal(expected, await StoreDirectory.DumpAsync(store));
            await store.ApplyAsync(AddSkill("s4"), dryRun: false, _ct);
        }

        Assert.Equal([1L, 2L, 3L, 4L], _data.JournalRevisions());
        using var reader = await _data.OpenAsync();
        Assert.Equal(["s1", "s2", "s4"], Ids(reader));
        Assert.Equal("second", reader.Snapshot.Find("s1")!.Description);
    }

    [Fact]
    public async Task Journal_entries_the_snapshot_already_holds_are_not_replayed()
    {
        // A journal older than the snapshot: replaying it would bring back s2 and s1's first description.
        var dataFile = new GraphDataFile(_data.DataPath);
        byte[] olderJournal;
        using (var store = await _data.OpenAsync(dataFile))
        {
            await store.ApplyAsync(AddSkill("s1", "first"), dryRun: false, _ct);
            await store.ApplyAsync(AddSkill("s2"), dryRun: false, _ct);
            olderJournal = _data.JournalBytes();
            await store.ApplyAsync(AddSkill("s1", "second") with { DeleteNodes = ["s2"] }, dryRun: false, _ct);
            var export = await store.ExportAsync(_ct);
            await dataFile.CompactAsync(new StoredGraph(export.Nodes, export.Links, export.Sources, 3), _ct);
        }

        await File.WriteAllBytesAsync(_data.JournalPath, olderJournal, _ct);

        using var reader = await _data.OpenAsync();

        Assert.Equal(["s1"], Ids(reader));
        Assert.Equal("second", reader.Snapshot.Find("s1")!.Description);
    }

    [Fact]
    public async Task A_journal_entry_past_the_snapshot_is_replayed_on_top_of_it()
    {
        var dataFile = new GraphDataFile(_data.DataPath);
        using (var store = await _data.OpenAsync(dataFile))
        {
            await store.ApplyAsync(AddSkill("s1"), dryRun: false, _ct);
            var export = await store.ExportAsync(_ct);
            await dataFile.CompactAsync(new StoredGraph(export.Nodes, export.Links, export.Sources, 1), _ct);
            await store.ApplyAsync(AddSkill("s2") with { DeleteNodes = ["s1"] }, dryRun: false, _ct);
        }

        Assert.Equal([2L], _data.JournalRevisions());
        using var reader = await _data.OpenAsync();
        Assert.Equal(["s2"], Ids(reader));
    }

    private static byte[] FlipChecksum(byte[] journal, int lineStart)
    {
        var damaged = journal.ToArray();
        damaged[lineStart] = (byte)(damaged[lineStart] == (byte)'0' ? '1' : '0');
        Assert.NotEqual(Encoding.ASCII.GetString(journal, lineStart, 16), Encoding.ASCII.GetString(damaged, lineStart, 16));
        return damaged;
    }
}
