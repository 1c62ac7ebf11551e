using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Embedded;

/// <summary>
/// Reads a snapshot in <see cref="BinarySnapshotFormat"/>. The checksum is checked before anything is read, so a
/// damaged or truncated file is refused whole. The content is then checked for what this program never writes
/// (ids out of order or repeated, unknown kinds and relations, ends out of range, links the relation rules forbid,
/// duplicate or reversed symmetric links, bytes left over), in one pass: a file with a valid checksum that breaks a
/// rule was not written by this program, and is refused, not half-loaded.
/// </summary>
internal static class BinarySnapshotReader
{
    private const int LastKind = (int)NodeKind.Category;
    private const int LastRelation = (int)RelationKind.RelatedTo;

    public static StoredGraph Read(byte[] file)
    {
        if (file.Length < BinarySnapshotFormat.HeaderLength + BinarySnapshotFormat.ChecksumLength || !BinarySnapshotFormat.StartsWithMagic(file))
        {
            throw new InvalidDataException("The file is too short to hold a snapshot.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8));
        if (version != BinarySnapshotFormat.FormatVersion)
        {
            throw new InvalidDataException($"Format version {version} is not one this program reads (it reads 1 and {BinarySnapshotFormat.FormatVersion}).");
        }

        var payloadLength = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(12));
        var end = file.Length - BinarySnapshotFormat.ChecksumLength;
        if (payloadLength != end - BinarySnapshotFormat.HeaderLength)
        {
            throw new InvalidDataException($"The file is {file.Length} bytes long, but its header announces {payloadLength} bytes of content: it is truncated or has bytes appended.");
        }

        Span<byte> checksum = stackalloc byte[BinarySnapshotFormat.ChecksumLength];
        SHA256.HashData(file.AsSpan(0, end), checksum);
        if (!checksum.SequenceEqual(file.AsSpan(end)))
        {
            throw new InvalidDataException("The file's checksum does not match its content: it is damaged.");
        }

        var reader = new Cursor(file, BinarySnapshotFormat.HeaderLength, end);
        var revision = reader.Int64();
        var sources = new TaxonomyHeader[reader.Count()];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = new TaxonomyHeader(reader.String(), reader.OptionalString(), reader.OptionalString(), reader.OptionalString());
        }

        var strings = new string[reader.Count()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = reader.String();
        }

        var nodes = ReadNodes(ref reader, file, strings);
        var links = ReadLinks(ref reader, nodes);
        if (reader.Position != end)
        {
            throw new InvalidDataException($"{end - reader.Position} bytes follow the last link.");
        }

        return new StoredGraph(nodes, links, sources, revision);
    }

    // Run once per process, at start, over the whole graph. Not marked AggressiveOptimization: ReadyToRun does not
    // precompile methods so marked, and the published service would compile these at every start (the service
    // turns quick JIT off, so a build without ReadyToRun compiles them optimized at once anyway).
    private static GraphNode[] ReadNodes(ref Cursor reader, byte[] file, string[] strings)
    {
        var nodes = new GraphNode[reader.Count()];

        // Many nodes carry the same properties (O*NET's tools: the same two flags); identical encodings share one
        // read-only dictionary, which the graph never changes in place.
        var shared = new Dictionary<(int Start, int Length), IReadOnlyDictionary<string, string>>(new SliceComparer(file));

        // A node's property numbers, reused from node to node: two arrays per node were 2 MB of garbage on O*NET,
        // each byte of it fresh memory while the start waits (docs/benchmarks.md, "Round 10").
        int[] keys = new int[4], values = new int[4];
        string? previousId = null;
        for (var i = 0; i < nodes.Length; i++)
        {
            var id = reader.String();
            if (previousId is not null && string.CompareOrdinal(previousId, id) >= 0)
            {
                throw new InvalidDataException($"Node {i} ('{id}') is not after '{previousId}' in id order: ids are repeated or out of order.");
            }

            if (!NodeRules.IsSlug(id))
            {
                throw new InvalidDataException($"Node {i}: {NodeRules.NotASlug(id)}");
            }

            var kind = reader.Byte();
            if (kind > LastKind)
            {
                throw new InvalidDataException($"Node '{id}' has the unknown kind {kind}.");
            }

            var name = reader.String();
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new InvalidDataException($"Node '{id}' has no name.");
            }

            var description = reader.OptionalString();
            var aliases = reader.Count() is var aliasCount and > 0 ? new string[aliasCount] : [];
            for (var a = 0; a < aliases.Length; a++)
            {
                aliases[a] = reader.String();
            }

            var properties = GraphNode.NoProperties;
            var propertyCount = reader.Count();
            if (propertyCount > 0)
            {
                var start = reader.Position;
                if (propertyCount > keys.Length)
                {
                    (keys, values) = (new int[propertyCount], new int[propertyCount]);
                }

                for (var p = 0; p < propertyCount; p++)
                {
                    keys[p] = reader.Index(strings.Length, "property string");
                    values[p] = reader.Index(strings.Length, "property string");
                }

                var slice = (start, reader.Position - start);
                if (!shared.TryGetValue(slice, out properties))
                {
                    var dictionary = new Dictionary<string, string>(propertyCount, StringComparer.Ordinal);
                    for (var p = 0; p < propertyCount; p++)
                    {
                        if (!dictionary.TryAdd(strings[keys[p]], strings[values[p]]))
                        {
                            throw new InvalidDataException($"Node '{id}' has the property '{strings[keys[p]]}' twice.");
                        }
                    }

                    properties = dictionary;
                    shared.Add(slice, properties);
                }
            }

            nodes[i] = new GraphNode(id, (NodeKind)kind, name, description, aliases, properties);
            previousId = id;
        }

        return nodes;
    }

    private static GraphLink[] ReadLinks(ref Cursor reader, GraphNode[] nodes)
    {
        var links = new GraphLink[reader.Count()];
        HashSet<(int, int)>? symmetric = null;
        int previousFrom = -1, previousRelation = -1, previousTo = -1;
        for (var i = 0; i < links.Length; i++)
        {
            var from = reader.Index(nodes.Length, "node");
            var to = reader.Index(nodes.Length, "node");
            int relation = reader.Byte();
            int flags = reader.Byte();
            if (relation > LastRelation || (flags & ~(BinarySnapshotFormat.HasImportance | BinarySnapshotFormat.HasLevel)) != 0)
            {
                throw new InvalidDataException($"Link {i} has the unknown relation {relation} or flags {flags}.");
            }

            double? importance = (flags & BinarySnapshotFormat.HasImportance) != 0 ? reader.Double() : null;
            double? level = (flags & BinarySnapshotFormat.HasLevel) != 0 ? reader.Double() : null;

            // Nodes are in id order, so positions compare as ids do: file order is (from, relation, to) by position,
            // and a strictly increasing order leaves no room for a duplicate.
            var order = from != previousFrom ? from.CompareTo(previousFrom) : relation != previousRelation ? relation.CompareTo(previousRelation) : to.CompareTo(previousTo);
            if (order <= 0)
            {
                throw new InvalidDataException($"Link {i} ({nodes[from].Id} -> {nodes[to].Id}) is repeated or out of order.");
            }

            var link = new GraphLink(nodes[from].Id, nodes[to].Id, (RelationKind)relation, importance, level);
            if (RelationRules.HasProblems(link, nodes[from].Kind, nodes[to].Kind))
            {
                throw new InvalidDataException($"Link {i} ({LinkKey.Of(link)}) breaks the relation rules (the kinds it joins, its weights).");
            }

            if (RelationRules.IsSymmetric(link.Relation))
            {
                symmetric ??= [];
                if (symmetric.Contains((to, from)))
                {
                    throw new InvalidDataException($"Link {i} ({LinkKey.Of(link)}) is stored both ways.");
                }

                symmetric.Add((from, to));
            }

            (previousFrom, previousRelation, previousTo) = (from, relation, to);
            links[i] = link;
        }

        return links;
    }

    /// <summary>Reads the payload forward; every read checks that the bytes are there.</summary>
    private struct Cursor(byte[] bytes, int position, int end)
    {
        public int Position { get; private set; } = position;

        public byte Byte()
        {
            Need(1);
            return bytes[Position++];
        }

        public long Int64()
        {
            Need(8);
            var value = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(Position));
            Position += 8;
            return value;
        }

        public double Double()
        {
            Need(8);
            var value = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(Position));
            Position += 8;
            return value;
        }

        /// <summary>A 7-bit encoded non-negative int, as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it.</summary>
        public int Count()
        {
            var value = 0u;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    if (value > int.MaxValue || (shift == 28 && b > 0x0F))
                    {
                        break;
                    }

                    return (int)value;
                }
            }

            throw new InvalidDataException($"A malformed count at byte {Position}.");
        }

        public int Index(int count, string what)
        {
            var index = Count();
            return index < count ? index : throw new InvalidDataException($"A {what} number ({index}) out of range (0..{count - 1}) at byte {Position}.");
        }

        public string String() => Text(Count());

        public string? OptionalString() => Count() is var length and > 0 ? Text(length - 1) : null;

        private string Text(int length)
        {
            Need(length);
            var text = Encoding.UTF8.GetString(bytes, Position, length);
            Position += length;
            return text;
        }

        private readonly void Need(int length)
        {
            if (length > end - Position)
            {
                throw new InvalidDataException($"The content ends early, at byte {Position}.");
            }
        }
    }

    /// <summary>Compares stretches of one buffer by their bytes.</summary>
    private sealed class SliceComparer(byte[] bytes) : IEqualityComparer<(int Start, int Length)>
    {
        public bool Equals((int Start, int Length) x, (int Start, int Length) y) =>
            bytes.AsSpan(x.Start, x.Length).SequenceEqual(bytes.AsSpan(y.Start, y.Length));

        public int GetHashCode((int Start, int Length) obj)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes.AsSpan(obj.Start, obj.Length));
            return hash.ToHashCode();
        }
    }
}
