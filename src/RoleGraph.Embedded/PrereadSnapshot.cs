namespace RoleGraph.Embedded;

/// <summary>A binary snapshot read before the data file was locked, with what identifies the bytes it came from.</summary>
internal sealed record PrereadSnapshot(StoredGraph Graph, long Length, byte[] Checksum);
