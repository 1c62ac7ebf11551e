using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Embedded;

/// <summary>
/// The embedded store on disk: a snapshot file (the whole graph, in <see cref="BinarySnapshotFormat"/>; files of
/// format version 1 hold it in JSON, and still open) and beside it a journal, one line per
/// acknowledged change set, each line checksummed and flushed to the device before the write is acknowledged.
/// A crash can tear only the journal's last line, which was never acknowledged and is dropped on the next open;
/// the snapshot is only ever replaced whole (temporary file, flush, rename). Compaction writes a new snapshot that
/// records the last revision it includes, then empties the journal, so replay skips what the snapshot holds.
/// A lock file keeps a second process from opening the same data.
/// </summary>
public class GraphDataFile(string path) : IDisposable
{
    private FileStream? _lock;
    private FileStream? _journal;
    private Task<PrereadSnapshot?>? _preread;
    private LoadCollectionPause? _loadPause;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string JournalPath => Path + ".journal";

    public string LockPath => Path + ".lock";

    public long JournalBytes => _journal?.Length ?? 0;

    public long SnapshotBytes => File.Exists(Path) ? new FileInfo(Path).Length : 0;

    /// <summary>The format of the snapshot <see cref="Open"/> read (0 when there was none); compaction writes the current one.</summary>
    public int OpenedFormatVersion { get; private set; }

    /// <summary>
    /// Starts reading and decoding the snapshot on a pool thread, before <see cref="Open"/>, without locking or
    /// creating anything: a service starts this while its server binds, and a start that then fails has written
    /// nothing. <see cref="Open"/> takes the result only if, once the lock is held, the file still ends with the same
    /// SHA-256 (binary snapshots carry theirs), so a snapshot replaced in between is read again; a file that fails here
    /// is read again there too, which reports the problem. Returns the task, whose result is null when nothing was read.
    /// </summary>
    public Task<StoredGraph?> BeginReading()
    {
        if (_preread is null)
        {
            _loadPause = LoadCollectionPause.Begin(File.Exists(Path) ? new FileInfo(Path).Length : 0);
            _preread = Task.Run(Preread);
        }

        return _preread.ContinueWith(t => t.Result?.Graph, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// The load <see cref="BeginReading"/> began is over (the graph built from it, or given up): collections may run
    /// again. The store says so; disposal does too.
    /// </summary>
    public void EndLoad() => _loadPause?.Dispose();

    /// <summary>Whether <see cref="Open"/> took the snapshot <see cref="BeginReading"/> had read (the file unchanged since).</summary>
    public bool OpenedPrereadSnapshot { get; private set; }

    /// <summary>Locks the data for this process, reads the snapshot and replays the journal after it.</summary>
    public StoredGraph Open()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        try
        {
            _lock = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"The data file {Path} is in use by another RoleGraph process (lock {LockPath}).", e);
        }

        StoredGraph graph;
        try
        {
            graph = ReplayJournal(ReadSnapshot());
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or ArgumentException or FormatException or InvalidOperationException)
        {
            // Whatever the damage looks like inside, the caller hears one thing: this file, unreadable, and why.
            throw new InvalidDataException($"{Path} cannot be read as a RoleGraph data file (format version {SnapshotFileContent.CurrentFormatVersion}): {e.Message}", e);
        }

        // Not FileMode.Append: compaction must be able to truncate the journal.
        _journal = new FileStream(JournalPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 1 << 16);
        _journal.Seek(0, SeekOrigin.End);
        return graph;
    }

    /// <summary>Appends a change set and returns once it is on the device.</summary>
    public virtual async Task AppendAsync(long revision, GraphChangeSet changes, IReadOnlyList<TaxonomyHeader>? sources, CancellationToken cancellationToken)
    {
        var journal = _journal ?? throw new InvalidOperationException("The data file is not open.");
        var entry = new JournalEntry
        {
            Revision = revision,
            WriteNodes = changes.WriteNodes.Count == 0 ? null : changes.WriteNodes.Select(TaxonomyFileMapping.ToFile).ToList(),
            DeleteNodes = changes.DeleteNodes.Count == 0 ? null : [.. changes.DeleteNodes],
            WriteLinks = changes.WriteLinks.Count == 0 ? null : changes.WriteLinks.Select(TaxonomyFileMapping.ToFile).ToList(),
            DeleteLinks = changes.DeleteLinks.Count == 0 ? null : changes.DeleteLinks
                .Select(k => new TaxonomyFileLink { From = k.FromId, To = k.ToId, Relation = RelationRules.WireName(k.Relation) }).ToList(),
            Sources = sources?.Select(TaxonomyFileMapping.ToFile).ToList(),
        };

        var json = JsonSerializer.SerializeToUtf8Bytes(entry, DataFileJsonContext.Default.JournalEntry);
        var line = new byte[Checksum.Length + 1 + json.Length + 1];
        Encoding.ASCII.GetBytes(Hash(json), line);
        line[Checksum.Length] = (byte)' ';
        json.CopyTo(line, Checksum.Length + 1);
        line[^1] = (byte)'\n';

        var start = journal.Length;
        try
        {
            // Not cancellable past this point: a half-written line would be dropped anyway, but the caller would not know.
            await journal.WriteAsync(line, CancellationToken.None);
            await journal.FlushAsync(CancellationToken.None);
            journal.Flush(flushToDisk: true);
        }
        catch
        {
            // Leave no partial line behind a failed write, so the next append starts clean.
            journal.SetLength(start);
            throw;
        }
    }

    /// <summary>Replaces the snapshot with the given graph, then empties the journal the snapshot now includes.</summary>
    /// <remarks>The snapshot is written in the binary format (<see cref="BinarySnapshotFormat"/>) whatever format the
    /// file had: this is how a file of format version 1 (JSON) is migrated.</remarks>
    public virtual async Task CompactAsync(StoredGraph graph, CancellationToken cancellationToken)
    {
        var content = BinarySnapshotWriter.Serialize(graph);
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        if (_journal is { } journal)
        {
            journal.SetLength(0);
            journal.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            EndLoad();
            _journal?.Dispose();
            _lock?.Dispose();
            _journal = null;
            _lock = null;
        }
    }

    private const string Checksum = "0123456789abcdef";

    private static string Hash(byte[] json) => Convert.ToHexStringLower(SHA256.HashData(json))[..Checksum.Length];

    private PrereadSnapshot? Preread()
    {
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            var bytes = ReadBinary(stream);
            return bytes is null ? null : new PrereadSnapshot(BinarySnapshotReader.Read(bytes), bytes.Length, bytes[^BinarySnapshotFormat.ChecksumLength..]);
        }
        catch (Exception)
        {
            return null; // none there, unreadable or damaged: Open reads the file again, and reports what is wrong with it there
        }
    }

    /// <summary>The whole file when it is a binary snapshot (by its magic); null otherwise, the stream then at its start.</summary>
    private static byte[]? ReadBinary(FileStream stream)
    {
        Span<byte> start = stackalloc byte[BinarySnapshotFormat.Magic.Length];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        if (!BinarySnapshotFormat.StartsWithMagic(start[..read]))
        {
            stream.Position = 0;
            return null;
        }

        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)stream.Length)); // overwritten whole just below
        start.CopyTo(bytes);
        stream.ReadExactly(bytes, start.Length, bytes.Length - start.Length);
        return bytes;
    }

    /// <summary>The pre-read graph when the file holds the bytes it was read from (same length, same checksum at the end).</summary>
    private StoredGraph? TakePreread(FileStream stream)
    {
        var preread = _preread;
        _preread = null;
        if (preread?.GetAwaiter().GetResult() is not { } snapshot || stream.Length != snapshot.Length)
        {
            return null;
        }

        Span<byte> checksum = stackalloc byte[BinarySnapshotFormat.ChecksumLength];
        stream.Position = snapshot.Length - checksum.Length;
        stream.ReadExactly(checksum);
        stream.Position = 0;
        return checksum.SequenceEqual(snapshot.Checksum) ? snapshot.Graph : null;
    }

    private StoredGraph ReadSnapshot()
    {
        if (!File.Exists(Path))
        {
            return StoredGraph.Empty;
        }

        SnapshotFileContent? content;
        using (var stream = File.OpenRead(Path))
        {
            if (TakePreread(stream) is { } preread)
            {
                OpenedPrereadSnapshot = true;
                OpenedFormatVersion = BinarySnapshotFormat.FormatVersion;
                return preread;
            }

            if (ReadBinary(stream) is { } bytes)
            {
                try
                {
                    var graph = BinarySnapshotReader.Read(bytes);
                    OpenedFormatVersion = BinarySnapshotFormat.FormatVersion;
                    return graph;
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"{Path} cannot be read as a RoleGraph data file (format version {BinarySnapshotFormat.FormatVersion}): {e.Message}", e);
                }
            }

            // Format version 1: the snapshot in JSON, as files written before the binary format hold it.
            stream.Position = 0;
            content = JsonSerializer.Deserialize(stream, DataFileJsonContext.Default.SnapshotFileContent);
        }

        if (content is null || content.FormatVersion != SnapshotFileContent.CurrentFormatVersion)
        {
            throw new InvalidDataException($"{Path} is not a RoleGraph data file of format version {SnapshotFileContent.CurrentFormatVersion}.");
        }

        if (content.Nodes is null || content.Links is null || content.Nodes.Contains(null!) || content.Links.Contains(null!) || content.Sources is null || content.Sources.Contains(null!))
        {
            throw new InvalidDataException($"{Path} has missing or empty (null) entries.");
        }

        // The snapshot goes through the same validation as any taxonomy, so a damaged file is refused, not half-loaded.
        var asTaxonomy = new TaxonomyFile
        {
            FormatVersion = TaxonomyFile.CurrentFormatVersion,
            Taxonomy = new TaxonomyFileHeader { Name = "RoleGraph data file" },
            Nodes = content.Nodes,
            Links = content.Links,
        };
        // A data file this program wrote passes the one-pass check; anything else goes through the validator, which
        // names every problem with its place.
        var sources = content.Sources.Select(TaxonomyFileMapping.FromFile).ToArray();
        OpenedFormatVersion = SnapshotFileContent.CurrentFormatVersion;
        if (TrustedSnapshotReader.TryRead(content.Nodes, content.Links) is var (nodes, links))
        {
            return new StoredGraph(nodes, links, sources, content.Revision);
        }

        var document = TaxonomyValidator.Validate([(Path, asTaxonomy)]);
        return new StoredGraph(document.Nodes, document.Links, sources, content.Revision);
    }

    private StoredGraph ReplayJournal(StoredGraph graph)
    {
        if (!File.Exists(JournalPath) || new FileInfo(JournalPath).Length == 0)
        {
            return graph; // nothing to replay: the usual case after a compaction
        }

        var nodes = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var links = graph.Links.ToDictionary(LinkKey.Of);
        var sources = graph.Sources;
        var revision = graph.Revision;

        var bytes = File.ReadAllBytes(JournalPath);
        var goodLength = 0;
        for (var lineNumber = 1; goodLength < bytes.Length; lineNumber++)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', goodLength);
            var entry = end < 0 ? null : ParseLine(bytes.AsSpan(goodLength, end - goodLength));
            if (entry is null)
            {
                // Only the last line can be torn by a crash (it was never acknowledged); damage before it is not ours to repair.
                if (end >= 0 && end + 1 < bytes.Length)
                {
                    throw new InvalidDataException($"{JournalPath} is damaged at line {lineNumber}, before its last line; refusing to guess.");
                }

                break;
            }

            goodLength = end + 1;
            if (entry.Revision <= revision)
            {
                continue; // already in the snapshot: a crash came between compaction's two steps
            }

            try
            {
                Apply(entry, nodes, links);
                sources = entry.Sources?.Select(TaxonomyFileMapping.FromFile).ToArray() ?? sources;
            }
            catch (Exception e) when (e is NullReferenceException or ArgumentException or InvalidDataException)
            {
                throw new InvalidDataException($"{JournalPath} line {lineNumber} holds a change this version cannot apply: {e.Message}", e);
            }

            revision = entry.Revision;
        }

        if (goodLength != bytes.Length)
        {
            using var truncate = new FileStream(JournalPath, FileMode.Open, FileAccess.Write, FileShare.None);
            truncate.SetLength(goodLength);
            truncate.Flush(flushToDisk: true);
        }

        return new StoredGraph(nodes.Values.ToArray(), links.Values.ToArray(), sources, revision);
    }

    private static JournalEntry? ParseLine(ReadOnlySpan<byte> line)
    {
        if (line.Length <= Checksum.Length + 1 || line[Checksum.Length] != (byte)' ')
        {
            return null;
        }

        var json = line[(Checksum.Length + 1)..].ToArray();
        if (!line[..Checksum.Length].SequenceEqual(Encoding.ASCII.GetBytes(Hash(json))))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, DataFileJsonContext.Default.JournalEntry);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Apply(JournalEntry entry, Dictionary<string, GraphNode> nodes, Dictionary<LinkKey, GraphLink> links)
    {
        foreach (var key in entry.DeleteLinks ?? [])
        {
            links.Remove(LinkKey.Of(TaxonomyFileMapping.FromTrustedFile(key)));
        }

        foreach (var id in entry.DeleteNodes ?? [])
        {
            nodes.Remove(id);
        }

        foreach (var node in entry.WriteNodes ?? [])
        {
            var graphNode = TaxonomyFileMapping.FromTrustedFile(node);
            nodes[graphNode.Id] = graphNode;
        }

        foreach (var link in entry.WriteLinks ?? [])
        {
            var graphLink = TaxonomyFileMapping.FromTrustedFile(link);
            links[LinkKey.Of(graphLink)] = graphLink;
        }
    }
}
