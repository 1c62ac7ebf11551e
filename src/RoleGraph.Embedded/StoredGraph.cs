using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Embedded;

/// <summary>The graph as the data file holds it, with the revision of the last change applied.</summary>
public sealed record StoredGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphLink> Links, IReadOnlyList<TaxonomyHeader> Sources, long Revision)
{
    public static readonly StoredGraph Empty = new([], [], [], 0);
}
