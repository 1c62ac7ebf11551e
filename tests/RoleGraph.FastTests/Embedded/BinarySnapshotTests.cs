using System.Buffers.Binary;
using System.Security.Cryptography;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Embedded;

/// <summary>
/// The data file's binary snapshot (format version 2): what a store writes reads back as the same graph; the header
/// and checksum are as docs/data-file.md describes them; a damaged, truncated or foreign file is refused naming the
/// file and changes nothing; a format version 1 (JSON) file still opens and is rewritten in the binary format.
/// </summary>
public sealed class BinarySnapshotTests : IDisposable
{
    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    private const string JsonSnapshot = """
        { "formatVersion": 1, "revision": 2, "sources": [ { "name": "x", "license": "CC0" } ],
          "nodes": [ { "id": "a", "kind": "Role", "name": "A", "aliases": [ "Ay" ], "properties": { "code": "1" } },
                     { "id": "b", "kind": "Skill", "name": "B", "description": "Bee" } ],
          "links": [ { "from": "a", "to": "b", "relation": "REQUIRES", "importance": 0.5, "level": 0.25 } ] }
        """;

    /// <summary>Sample and seed together, plus text outside ASCII and properties many nodes share.</summary>
    private static GraphEdit Content()
    {
        var shared = new Dictionary<string, string> { ["hotTechnology"] = "false", ["inDemand"] = "true" };
        return new GraphEdit
        {
            UpsertNodes =
            [
                new GraphNode("zurich-analyst", NodeKind.Role, "Zürich analyst — 分析", "Ünïcödé 🚀 description", ["Analyste", "分析師"], new Dictionary<string, string> { ["onetSocCode"] = "15-2051.00" }),
                new GraphNode("tool-one", NodeKind.Tool, "Tool one", null, [], shared),
                new GraphNode("tool-two", NodeKind.Tool, "Tool two", null, [], new Dictionary<string, string>(shared)),
                new GraphNode("tool-three", NodeKind.Tool, "Tool three", null, [], new Dictionary<string, string> { ["inDemand"] = "true", ["hotTechnology"] = "true" }),
            ],
            UpsertLinks =
            [
                new GraphLink("zurich-analyst", "tool-one", RelationKind.Uses),
                new GraphLink("zurich-analyst", "tool-two", RelationKind.Uses),
            ],
        };
    }

    private async Task<string[]> WriteContentAsync()
    {
        using var store = await _data.OpenAsync();
        var sample = TestDocuments.Sample();
        await store.ApplyAsync(GraphEdit.Import(TestDocuments.Seed() with { Sources = [.. TestDocuments.Seed().Sources, new TaxonomyHeader("Only a name")] }, ImportMode.Merge), dryRun: false, _ct);
        await store.ApplyAsync(GraphEdit.Import(sample, ImportMode.Merge), dryRun: false, _ct);
        await store.ApplyAsync(Content(), dryRun: false, _ct);
        await store.WriteSnapshotAsync(_ct);
        return await StoreDirectory.DumpAsync(store);
    }

    [Fact]
    public async Task A_compacted_graph_reads_back_whole_with_its_revision()
    {
        var expected = await WriteContentAsync();

        using var reopened = await _data.OpenAsync();
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reopened));
        Assert.Equal(3, await reopened.GetRevisionAsync(_ct));
        Assert.Equal(0, new FileInfo(_data.JournalPath).Length);
        Assert.False(reopened.OpenedOlderFormat);
        Assert.Contains(expected, line => line.Contains("Zürich analyst — 分析", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains("Only a name", StringComparison.Ordinal));

        // Writing the same graph again gives the same bytes.
        var before = _data.SnapshotBytes();
        await reopened.WriteSnapshotAsync(_ct);
        Assert.Equal(before, _data.SnapshotBytes());
    }

    [Fact]
    public async Task The_file_has_the_documented_header_and_a_sha256_of_everything_before_it()
    {
        await WriteContentAsync();
        var bytes = _data.SnapshotBytes();

        Assert.Equal(new byte[] { 0x89, (byte)'R', (byte)'G', (byte)'S', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n' }, bytes[..8]);
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(bytes.Length - 20 - 32, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(3, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(20))); // the revision opens the payload
        Assert.Equal(SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)), bytes[^32..]);
    }

    public static TheoryData<int> DamagedBytes() => [8, 12, 20, 40, 200, -40, -1];

    [Theory]
    [MemberData(nameof(DamagedBytes))]
    public async Task A_damaged_byte_fails_opening_naming_the_file_and_changes_nothing(int position)
    {
        await WriteContentAsync();
        var bytes = _data.SnapshotBytes();
        bytes[position < 0 ? bytes.Length + position : position] ^= 0x40;
        await File.WriteAllBytesAsync(_data.DataPath, bytes, _ct);

        await AssertRefusedAsync(bytes);
    }

    public static TheoryData<int> TruncatedLengths() => [4, 8, 19, 20, 51, 52, 100, -33, -32, -1];

    [Theory]
    [MemberData(nameof(TruncatedLengths))]
    public async Task A_truncated_file_fails_opening_naming_the_file_and_changes_nothing(int length)
    {
        await WriteContentAsync();
        var bytes = _data.SnapshotBytes();
        bytes = bytes[..(length < 0 ? bytes.Length + length : length)];
        await File.WriteAllBytesAsync(_data.DataPath, bytes, _ct);

        await AssertRefusedAsync(bytes);
    }

    [Fact]
    public async Task A_newer_format_version_is_refused_even_with_a_valid_checksum()
    {
        await WriteContentAsync();
        var bytes = _data.SnapshotBytes();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 3);
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));
        await File.WriteAllBytesAsync(_data.DataPath, bytes, _ct);

        var message = await AssertRefusedAsync(bytes);
        Assert.Contains("Format version 3", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 9, "unknown kind")] // the only node's kind byte
    [InlineData(-1, 1, "bytes follow")] // one byte more after the last link
    public async Task Content_this_program_never_writes_is_refused_even_with_a_valid_checksum(int offsetFromKind, byte value, string expected)
    {
        // One node "a": header (20), revision (8), no sources (1), no property strings (1), one node (1), id (1 + 1).
        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(new GraphEdit { UpsertNodes = [new GraphNode("a", NodeKind.Role, "A", null, [], GraphNode.NoProperties)] }, dryRun: false, _ct);
            await store.WriteSnapshotAsync(_ct);
        }

        var bytes = _data.SnapshotBytes().ToList();
        const int kind = 20 + 8 + 1 + 1 + 1 + 2;
        Assert.Equal((byte)NodeKind.Role, bytes[kind]);
        if (offsetFromKind < 0)
        {
            bytes.Insert(bytes.Count - 32, value);
        }
        else
        {
            bytes[kind + offsetFromKind] = value;
        }

        var file = bytes.ToArray();
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(12), file.Length - 20 - 32);
        SHA256.HashData(file.AsSpan(0, file.Length - 32), file.AsSpan(file.Length - 32));
        await File.WriteAllBytesAsync(_data.DataPath, file, _ct);

        var message = await AssertRefusedAsync(file);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_format_version_1_json_file_opens_and_is_rewritten_in_the_binary_format()
    {
        await File.WriteAllTextAsync(_data.DataPath, JsonSnapshot, _ct);
        string[] expected;
        using (var store = await _data.OpenAsync())
        {
            Assert.True(store.OpenedOlderFormat);
            expected = await StoreDirectory.DumpAsync(store);
            Assert.Equal(
            [
                "source x |  |  | CC0",
                "node a Role 'A' desc='' aliases=[Ay] props=[code=1]",
                "node b Skill 'B' desc='Bee' aliases=[] props=[]",
                "link a -REQUIRES-> b importance=0.5 level=0.25",
            ], expected);

            await store.WriteSnapshotAsync(_ct);
        }

        Assert.Equal(0x89, _data.SnapshotBytes()[0]);
        using var reopened = await _data.OpenAsync();
        Assert.False(reopened.OpenedOlderFormat);
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reopened));
        Assert.Equal(2, await reopened.GetRevisionAsync(_ct));
    }

    [Fact]
    public async Task A_format_version_1_json_file_with_a_journal_is_migrated_by_the_next_compaction()
    {
        await File.WriteAllTextAsync(_data.DataPath, JsonSnapshot, _ct);
        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(new GraphEdit { UpsertNodes = [new GraphNode("c", NodeKind.Skill, "C", null, [], GraphNode.NoProperties)] }, dryRun: false, _ct);
        }

        Assert.Equal((byte)'{', _data.SnapshotBytes()[0]); // a small write goes to the journal only
        string[] expected;
        using (var store = await _data.OpenAsync())
        {
            Assert.True(store.OpenedOlderFormat);
            expected = await StoreDirectory.DumpAsync(store);
            await store.WriteSnapshotAsync(_ct);
        }

        using var reopened = await _data.OpenAsync();
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reopened));
        Assert.Equal(3, reopened.Snapshot.NodeCount);
        Assert.Equal(3, await reopened.GetRevisionAsync(_ct));
    }

    /// <summary>Opening fails naming the file, the file is as it was, and the lock is released.</summary>
    private async Task<string> AssertRefusedAsync(byte[] content)
    {
        string message;
        using (var store = _data.Create())
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));
            Assert.Contains(_data.DataPath, error.Message, StringComparison.Ordinal);
            Assert.Equal(0, store.Snapshot.NodeCount);
            message = error.Message;
        }

        Assert.Equal(content, _data.SnapshotBytes());
        File.Delete(_data.DataPath);
        using var empty = await _data.OpenAsync();
        Assert.Equal(0, empty.Snapshot.NodeCount);
        return message;
    }
}
