using System.Text.Json;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Taxonomy;

/// <summary>Writes a document in the taxonomy file format (JSON), so that what is written reads back the same.</summary>
public static class TaxonomyWriter
{
    public static TaxonomyFile ToFile(TaxonomyDocument document, TaxonomyHeader header) => new()
    {
        FormatVersion = TaxonomyFile.CurrentFormatVersion,
        Taxonomy = new TaxonomyFileHeader { Name = header.Name, Version = header.Version, Source = header.Source, License = header.License },
        Nodes = document.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n => new TaxonomyFileNode
        {
            Id = n.Id,
            Kind = n.Kind.ToString(),
            Name = n.Name,
            Description = n.Description,
            Aliases = n.Aliases.Count == 0 ? null : [.. n.Aliases],
            Properties = n.Properties.Count == 0 ? null : new Dictionary<string, string>(n.Properties),
        }).ToList(),
        Links = document.Links
            .OrderBy(l => l.FromId, StringComparer.Ordinal).ThenBy(l => l.Relation).ThenBy(l => l.ToId, StringComparer.Ordinal)
            .Select(l => new TaxonomyFileLink { From = l.FromId, To = l.ToId, Relation = RelationRules.WireName(l.Relation), Importance = l.Importance, Level = l.Level })
            .ToList(),
    };

    public static Task WriteJsonAsync(Stream stream, TaxonomyFile file, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, file, TaxonomyReader.Json, cancellationToken);
}
