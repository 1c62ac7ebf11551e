using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Embedded;

/// <summary>One acknowledged change set, as a line of the journal. Deleted links carry only from, to and relation.</summary>
internal sealed class JournalEntry
{
    public long Revision { get; set; }

    public List<TaxonomyFileNode>? WriteNodes { get; set; }

    public List<string>? DeleteNodes { get; set; }

    public List<TaxonomyFileLink>? WriteLinks { get; set; }

    public List<TaxonomyFileLink>? DeleteLinks { get; set; }

    /// <summary>The full list of source taxonomies after this change, when it changed them.</summary>
    public List<TaxonomyFileHeader>? Sources { get; set; }
}
