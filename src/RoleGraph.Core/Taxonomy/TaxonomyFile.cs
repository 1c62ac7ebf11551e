namespace RoleGraph.Core.Taxonomy;

/// <summary>
/// The taxonomy file format (version 1), as written in YAML or JSON. Field names are camelCase in both;
/// kinds are Role, Skill, Tool, Responsibility, Category and relations are REQUIRES, USES, RESPONSIBLE_FOR,
/// SUPPORTS, IN_CATEGORY, SUBCATEGORY_OF, RELATED_TO. See seed/README.md.
/// </summary>
public sealed class TaxonomyFile
{
    public const int CurrentFormatVersion = 1;

    public int? FormatVersion { get; set; }

    public TaxonomyFileHeader? Taxonomy { get; set; }

    /// <summary>The taxonomies this one was assembled from (an export of a store fed by several), with their licences.</summary>
    public List<TaxonomyFileHeader>? Sources { get; set; }

    public List<TaxonomyFileNode>? Nodes { get; set; }

    public List<TaxonomyFileLink>? Links { get; set; }
}

public sealed class TaxonomyFileHeader
{
    public string? Name { get; set; }
    public string? Version { get; set; }
    public string? Source { get; set; }
    public string? License { get; set; }
}

public sealed class TaxonomyFileNode
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<string>? Aliases { get; set; }
    public Dictionary<string, string>? Properties { get; set; }
}

public sealed class TaxonomyFileLink
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Relation { get; set; }
    public double? Importance { get; set; }
    public double? Level { get; set; }
}
