using System.Globalization;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Taxonomy;

/// <summary>
/// A document (or graph) written out as lines, one per header, node and link, in id order: two documents hold the
/// same facts exactly when their dumps are equal, and a failing comparison shows which line differs.
/// </summary>
internal static class TaxonomyDump
{
    public static string[] Of(TaxonomyDocument document) =>
        [.. document.Sources.Select(s => $"source {s.Name} | {s.Version} | {s.Source} | {s.License}"), .. Of(document.Nodes, document.Links)];

    public static string[] Of(IEnumerable<GraphNode> nodes, IEnumerable<GraphLink> links) =>
    [
        .. nodes.OrderBy(n => n.Id, StringComparer.Ordinal).Select(Node),
        .. links.Select(Link).Order(StringComparer.Ordinal),
    ];

    private static string Node(GraphNode n) =>
        $"node {n.Id} {n.Kind} '{n.Name}' desc='{n.Description}' aliases=[{string.Join(", ", n.Aliases)}] "
        + $"props=[{string.Join(", ", n.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}]";

    private static string Link(GraphLink l) =>
        $"link {l.FromId} -{RelationRules.WireName(l.Relation)}-> {l.ToId} importance={Number(l.Importance)} level={Number(l.Level)}";

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "none";
}
