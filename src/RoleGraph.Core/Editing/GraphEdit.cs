using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Core.Editing;

/// <summary>
/// A write to the graph, as callers describe it: nodes and links to create or update, nodes and links to delete.
/// The store plans it against its current state (<see cref="GraphEditPlanner"/>) and applies it atomically.
/// </summary>
public sealed record GraphEdit
{
    public IReadOnlyList<GraphNode> UpsertNodes { get; init; } = [];

    public IReadOnlyList<GraphLink> UpsertLinks { get; init; } = [];

    public IReadOnlyList<string> DeleteNodes { get; init; } = [];

    /// <summary>Delete the links of deleted nodes too; without it, deleting a linked node is refused.</summary>
    public bool Cascade { get; init; }

    public IReadOnlyList<LinkKey> DeleteLinks { get; init; } = [];

    /// <summary>Delete every node and link the edit does not upsert (an import in <see cref="ImportMode.Replace"/> mode).</summary>
    public bool ReplaceAll { get; init; }

    /// <summary>Where the upserted facts come from; recorded with the graph.</summary>
    public IReadOnlyList<TaxonomyHeader> Sources { get; init; } = [];

    /// <summary>The graph's sources once this edit is applied: replace takes the edit's; merge adds those not yet recorded, by name.</summary>
    public IReadOnlyList<TaxonomyHeader> SourcesAfter(IReadOnlyList<TaxonomyHeader> current) =>
        ReplaceAll ? Sources : [.. current, .. Sources.Where(s => current.All(existing => existing.Name != s.Name))];

    /// <summary>An import of a validated taxonomy document.</summary>
    public static GraphEdit Import(TaxonomyDocument document, ImportMode mode) => new()
    {
        UpsertNodes = document.Nodes,
        UpsertLinks = document.Links,
        ReplaceAll = mode == ImportMode.Replace,
        Sources = document.Sources,
    };
}
