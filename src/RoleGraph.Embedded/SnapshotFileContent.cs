using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Embedded;

/// <summary>
/// The snapshot part of the embedded store's data file: the whole graph in the taxonomy format's node and link
/// shapes, the taxonomies it came from, and the journal revision it includes.
/// </summary>
internal sealed class SnapshotFileContent
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; set; }

    public long Revision { get; set; }

    public List<TaxonomyFileHeader> Sources { get; set; } = [];

    public List<TaxonomyFileNode> Nodes { get; set; } = [];

    public List<TaxonomyFileLink> Links { get; set; } = [];
}
