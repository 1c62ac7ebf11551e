namespace RoleGraph.Core.Taxonomy;

/// <summary>The two spellings of the taxonomy format; both carry the same model.</summary>
public enum TaxonomyFormat
{
    Yaml,
    Json,
}
