using RoleGraph.Core.Model;

namespace RoleGraph.Core.Taxonomy;

/// <summary>Between graph records and the taxonomy format's DTOs, one way for every writer and trusted reader.</summary>
public static class TaxonomyFileMapping
{
    public static TaxonomyFileNode ToFile(GraphNode node) => new()
    {
        Id = node.Id,
        Kind = node.Kind.ToString(),
        Name = node.Name,
        Description = node.Description,
        Aliases = node.Aliases.Count == 0 ? null : [.. node.Aliases],
        Properties = node.Properties.Count == 0 ? null : new Dictionary<string, string>(node.Properties),
    };

    public static TaxonomyFileLink ToFile(GraphLink link) => new()
    {
        From = link.FromId,
        To = link.ToId,
        Relation = RelationRules.WireName(link.Relation),
        Importance = link.Importance,
        Level = link.Level,
    };

    public static TaxonomyFileHeader ToFile(TaxonomyHeader header) =>
        new() { Name = header.Name, Version = header.Version, Source = header.Source, License = header.License };

    /// <summary>For data this program wrote itself (the embedded store's journal); files from users go through the validator.</summary>
    public static GraphNode FromTrustedFile(TaxonomyFileNode node) => new(
        node.Id!,
        Enum.Parse<NodeKind>(node.Kind!),
        node.Name!,
        node.Description,
        node.Aliases ?? [],
        node.Properties is { Count: > 0 } p ? new Dictionary<string, string>(p, StringComparer.Ordinal) : GraphNode.NoProperties);

    public static GraphLink FromTrustedFile(TaxonomyFileLink link) =>
        RelationRules.TryParseWireName(link.Relation, out var relation)
            ? new GraphLink(link.From!, link.To!, relation, link.Importance, link.Level)
            : throw new InvalidDataException($"Unknown relation '{link.Relation}'.");

    public static TaxonomyHeader FromFile(TaxonomyFileHeader header) => new(header.Name ?? "", header.Version, header.Source, header.License);
}
