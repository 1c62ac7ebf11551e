using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Embedded;

/// <summary>Writes a graph in <see cref="BinarySnapshotFormat"/>: nodes in id order, links in file order, each link
/// naming its ends by node position, property keys and values once each in a shared table.</summary>
internal static class BinarySnapshotWriter
{
    /// <summary>The whole file's bytes: header, payload, checksum.</summary>
    public static byte[] Serialize(StoredGraph graph)
    {
        var nodes = TaxonomyWriter.OrderedNodes(graph.Nodes).ToArray();
        var links = TaxonomyWriter.OrderedLinks(graph.Links).ToArray();

        using var buffer = new MemoryStream(capacity: 64 + (nodes.Length * 64) + (links.Length * 12));
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(BinarySnapshotFormat.Magic);
            writer.Write(BinarySnapshotFormat.FormatVersion);
            writer.Write(0L); // payload length, filled in below
            writer.Write(graph.Revision);

            writer.Write7BitEncodedInt(graph.Sources.Count);
            foreach (var source in graph.Sources)
            {
                WriteString(writer, source.Name);
                WriteOptional(writer, source.Version);
                WriteOptional(writer, source.Source);
                WriteOptional(writer, source.License);
            }

            // Property keys and values repeat across nodes (O*NET: the same two flags on every tool): each once.
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var table = new List<string>();
            foreach (var node in nodes)
            {
                foreach (var (key, value) in node.Properties)
                {
                    Intern(key);
                    Intern(value);
                }
            }

            writer.Write7BitEncodedInt(table.Count);
            foreach (var text in table)
            {
                WriteString(writer, text);
            }

            var positions = new Dictionary<string, int>(nodes.Length, StringComparer.Ordinal);
            writer.Write7BitEncodedInt(nodes.Length);
            for (var i = 0; i < nodes.Length; i++)
            {
                var node = nodes[i];
                positions.Add(node.Id, i);
                WriteString(writer, node.Id);
                writer.Write((byte)node.Kind);
                WriteString(writer, node.Name);
                WriteOptional(writer, node.Description);
                writer.Write7BitEncodedInt(node.Aliases.Count);
                foreach (var alias in node.Aliases)
                {
                    WriteString(writer, alias);
                }

                // In key order, so that the same properties always give the same bytes.
                writer.Write7BitEncodedInt(node.Properties.Count);
                foreach (var (key, value) in node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.Write7BitEncodedInt(strings[key]);
                    writer.Write7BitEncodedInt(strings[value]);
                }
            }

            writer.Write7BitEncodedInt(links.Length);
            foreach (var link in links)
            {
                writer.Write7BitEncodedInt(positions[link.FromId]);
                writer.Write7BitEncodedInt(positions[link.ToId]);
                writer.Write((byte)link.Relation);
                writer.Write((byte)((link.Importance is null ? 0 : BinarySnapshotFormat.HasImportance) | (link.Level is null ? 0 : BinarySnapshotFormat.HasLevel)));
                if (link.Importance is { } importance)
                {
                    writer.Write(importance);
                }

                if (link.Level is { } level)
                {
                    writer.Write(level);
                }
            }

            void Intern(string text)
            {
                if (strings.TryAdd(text, table.Count))
                {
                    table.Add(text);
                }
            }
        }

        var payloadLength = buffer.Length - BinarySnapshotFormat.HeaderLength;
        var bytes = new byte[buffer.Length + BinarySnapshotFormat.ChecksumLength];
        buffer.GetBuffer().AsSpan(0, (int)buffer.Length).CopyTo(bytes);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(BinarySnapshotFormat.HeaderLength - 8), payloadLength);
        SHA256.HashData(bytes.AsSpan(0, (int)buffer.Length), bytes.AsSpan((int)buffer.Length));
        return bytes;
    }

    private static void WriteString(BinaryWriter writer, string text)
    {
        writer.Write7BitEncodedInt(Encoding.UTF8.GetByteCount(text));
        writer.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void WriteOptional(BinaryWriter writer, string? text)
    {
        if (text is null)
        {
            writer.Write7BitEncodedInt(0);
            return;
        }

        writer.Write7BitEncodedInt(Encoding.UTF8.GetByteCount(text) + 1);
        writer.Write(Encoding.UTF8.GetBytes(text));
    }
}
