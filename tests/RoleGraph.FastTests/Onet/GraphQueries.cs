using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Onet;

/// <summary>Small look-ups over a validated document, for readable assertions.</summary>
internal static class GraphQueries
{
    public static GraphNode Node(this TaxonomyDocument document, string id)
    {
        var node = document.Nodes.SingleOrDefault(n => n.Id == id);
        Assert.True(node is not null, $"No node '{id}'.");
        return node;
    }

    public static bool Has(this TaxonomyDocument document, string id) => document.Nodes.Any(n => n.Id == id);

    public static GraphLink Link(this TaxonomyDocument document, string from, RelationKind relation, string to)
    {
        var link = document.Links.SingleOrDefault(l => l.FromId == from && l.Relation == relation && l.ToId == to);
        Assert.True(link is not null, $"No link {from} -{RelationRules.WireName(relation)}-> {to}.");
        return link;
    }

    /// <summary>The ids a node links to by a relation, in ordinal order.</summary>
    public static string[] Targets(this TaxonomyDocument document, string from, RelationKind relation) =>
        document.Links.Where(l => l.FromId == from && l.Relation == relation).Select(l => l.ToId).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The ids that link to a node by a relation, in ordinal order.</summary>
    public static string[] Sources(this TaxonomyDocument document, RelationKind relation, string to) =>
        document.Links.Where(l => l.ToId == to && l.Relation == relation).Select(l => l.FromId).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The chain of categories above a node: its category, then SUBCATEGORY_OF up to the root.</summary>
    public static string[] CategoryChain(this TaxonomyDocument document, string from)
    {
        var chain = new List<string> { Assert.Single(document.Targets(from, RelationKind.InCategory)) };
        while (document.Targets(chain[^1], RelationKind.SubcategoryOf) is [var parent])
        {
            chain.Add(parent);
        }

        return [.. chain];
    }

    public static int Count(this TaxonomyDocument document, NodeKind kind) => document.Nodes.Count(n => n.Kind == kind);

    public static int Count(this TaxonomyDocument document, RelationKind relation) => document.Links.Count(l => l.Relation == relation);
}
