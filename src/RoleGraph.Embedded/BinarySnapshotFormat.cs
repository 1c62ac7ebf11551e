namespace RoleGraph.Embedded;

/// <summary>
/// The data file's snapshot since format version 2: the graph in a compact binary layout that loads without parsing
/// JSON into objects first (the service answers sooner after start). The readable form of the same graph is the
/// export (`export --format json|yaml`); files of format version 1 (JSON) still open and are rewritten in this
/// format by the next compaction. docs/data-file.md describes the layout; in short, little-endian:
/// <code>
/// magic (8 bytes: 0x89 'R' 'G' 'S' '\r' '\n' 0x1A '\n') | format version (int32) | payload length (int64)
/// | payload | SHA-256 of everything before it (32 bytes)
/// payload: revision (int64) | sources | property strings | nodes | links
/// </code>
/// Counts and lengths in the payload are 7-bit encoded (as <see cref="BinaryWriter.Write7BitEncodedInt"/>); strings
/// are UTF-8 with their byte length before them, and optional strings store length + 1 (0 for none).
/// </summary>
internal static class BinarySnapshotFormat
{
    public const int FormatVersion = 2;

    /// <summary>Not ASCII first, so no text file (a version 1 JSON snapshot) starts like this; the line endings and
    /// the DOS end-of-file character reveal a file mangled by a text-mode copy, as PNG's signature does.</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'R', (byte)'G', (byte)'S', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n'];

    /// <summary>Magic, format version, payload length.</summary>
    public const int HeaderLength = 8 + 4 + 8;

    public const int ChecksumLength = 32;

    /// <summary>Bits of a link's flags byte: which weights follow.</summary>
    public const byte HasImportance = 1, HasLevel = 2;

    public static bool StartsWithMagic(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Magic);
}
