using RoleGraph.Core.Model;

namespace RoleGraph.Core.Taxonomy;

/// <summary>A whole taxonomy as the graph holds it: header, nodes and links, already validated.</summary>
public sealed record TaxonomyDocument(IReadOnlyList<TaxonomyHeader> Sources, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphLink> Links);
