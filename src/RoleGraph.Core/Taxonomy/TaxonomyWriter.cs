using System.Text;
using System.Text.Json;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Taxonomy;

/// <summary>
/// Writes a graph in the taxonomy format, YAML or JSON, so that what is written reads back as the same graph.
/// Nodes and links are written in a fixed order: the same graph always gives the same text.
/// </summary>
public static class TaxonomyWriter
{
    /// <summary>
    /// The file form of a document. One source taxonomy becomes the header; several are listed under `sources`
    /// (with their licences) beneath a header naming the export.
    /// </summary>
    public static TaxonomyFile ToFile(TaxonomyDocument document) => new()
    {
        FormatVersion = TaxonomyFile.CurrentFormatVersion,
        Taxonomy = document.Sources.Count == 1
            ? TaxonomyFileMapping.ToFile(document.Sources[0])
            : new TaxonomyFileHeader { Name = "RoleGraph export", Source = document.Sources.Count == 0 ? null : string.Join("; ", document.Sources.Select(s => s.Name)) },
        Sources = document.Sources.Count > 1 ? document.Sources.Select(TaxonomyFileMapping.ToFile).ToList() : null,
        Nodes = OrderedNodes(document.Nodes).Select(TaxonomyFileMapping.ToFile).ToList(),
        Links = OrderedLinks(document.Links).Select(TaxonomyFileMapping.ToFile).ToList(),
    };

    /// <summary>The order links are written in, so that the same graph always gives the same file.</summary>
    /// <remarks>A link is identified by source, relation and target, so the order is total and an unstable sort gives it.</remarks>
    public static IEnumerable<GraphLink> OrderedLinks(IEnumerable<GraphLink> links)
    {
        var ordered = links.ToArray();
        Array.Sort(ordered, static (a, b) => LinkKey.CompareInFileOrder(a.FromId, a.Relation, a.ToId, b.FromId, b.Relation, b.ToId));
        return ordered;
    }

    /// <summary>Nodes in id order; a list already in that order (a graph snapshot's) is taken as it is.</summary>
    public static IEnumerable<GraphNode> OrderedNodes(IReadOnlyList<GraphNode> nodes)
    {
        for (var i = 1; i < nodes.Count; i++)
        {
            if (string.CompareOrdinal(nodes[i - 1].Id, nodes[i].Id) > 0)
            {
                return nodes.OrderBy(n => n.Id, StringComparer.Ordinal);
            }
        }

        return nodes;
    }

    public static async Task WriteAsync(Stream stream, TaxonomyDocument document, TaxonomyFormat format, CancellationToken cancellationToken)
    {
        var file = ToFile(document);
        if (format == TaxonomyFormat.Json)
        {
            await JsonSerializer.SerializeAsync(stream, file, TaxonomyJsonContext.Default.TaxonomyFile, cancellationToken);
            return;
        }

        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        TaxonomyYamlWriter.Write(writer, file);
    }

    public static async Task<string> WriteToStringAsync(TaxonomyDocument document, TaxonomyFormat format, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await WriteAsync(stream, document, format, cancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
