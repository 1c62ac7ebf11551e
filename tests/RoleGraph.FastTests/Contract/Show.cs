using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// Store results as lines of text, every field included and in the order the store gave them, so two stores'
/// answers compare with one equality and a difference shows as the first differing line. Nodes are always shown
/// whole (description, aliases in order, properties by key): every operation must return complete nodes.
/// Computed scores are rounded to 12 decimals; stored weights are shown exactly.
/// </summary>
internal static class Show
{
    public static string Text(string? text) =>
        text is null ? "null"
        : text.All(c => c is >= ' ' and <= '~' and not '"' and not '\\' and not '<' and not '>' and not '&' and not '\'' and not '+' and not '`') ? $"\"{text}\""
        : JsonSerializer.Serialize(text);

    public static string Number(double? value) => value is null ? "null" : value.Value.ToString("R", CultureInfo.InvariantCulture);

    public static string Score(double value) => Math.Round(value, 12).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Nodes are immutable records, and the embedded stores hand out the very instances they were given: show each once.</summary>
    private static readonly ConditionalWeakTable<GraphNode, string> Shown = new();

    public static string Node(GraphNode node) => Shown.GetValue(node, Format);

    private static string Format(GraphNode node) =>
        $"{node.Id} {node.Kind} name={Text(node.Name)} description={Text(node.Description)} " +
        $"aliases=[{string.Join(", ", node.Aliases.Select(Text))}] " +
        $"properties={{{string.Join(", ", node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Text(p.Key)}: {Text(p.Value)}"))}}}";

    public static string Link(GraphLink link) =>
        $"{link.FromId} -{RelationRules.WireName(link.Relation)}-> {link.ToId} importance={Number(link.Importance)} level={Number(link.Level)}";

    public static string[] Nodes(IEnumerable<GraphNode> nodes) => nodes.Select(Node).ToArray();

    public static string[] Statistics(GraphStatistics statistics) =>
    [
        .. Enum.GetValues<NodeKind>().Select(k => $"{k}: {statistics.NodesByKind.GetValueOrDefault(k)}"),
        $"nodes: {statistics.Nodes}",
        $"links: {statistics.Links}",
    ];

    public static string[] NodeMap(IReadOnlyDictionary<string, GraphNode> nodes) =>
        nodes.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key} => {Node(n.Value)}").ToArray();

    public static string[] Linked(IReadOnlyDictionary<string, IReadOnlyList<LinkedNode>> linked) =>
        linked.OrderBy(e => e.Key, StringComparer.Ordinal)
            .SelectMany(e => e.Value.Select(l => $"{e.Key}: {Node(l.Node)} via {Link(l.Link)}").Prepend($"{e.Key}: {e.Value.Count} linked"))
            .ToArray();

    public static string PageHeader(NodePage page) =>
        $"start={page.StartOffset} count={page.Nodes.Count} total={page.TotalCount} hasPreviousPage={page.HasPreviousPage} hasNextPage={page.HasNextPage}";

    public static string[] Page(NodePage page) => [PageHeader(page), .. Nodes(page.Nodes)];

    public static string[] Hits(IEnumerable<SearchHit> hits) =>
        hits.Select(h => $"{h.Match} on {Text(h.MatchedText)}: {Node(h.Node)}").ToArray();

    public static string[] Overlap(OverlapResult result) =>
    [
        $"roles: {string.Join(", ", result.Roles.Select(r => r.Id))}",
        $"kinds: {string.Join(", ", result.Kinds)}",
        $"jaccard: {Score(result.Jaccard)}",
        .. result.Roles.Select(r => $"role {Node(r)}"),
        .. Section("shared skill", result.Skills),
        .. Section("shared tool", result.Tools),
        .. Section("shared responsibility", result.Responsibilities),
        .. result.PerRole.SelectMany(p => new[] { $"only {Node(p.Role)}" }
            .Concat(Section($"  {p.Role.Id} alone skill", p.Skills))
            .Concat(Section($"  {p.Role.Id} alone tool", p.Tools))
            .Concat(Section($"  {p.Role.Id} alone responsibility", p.Responsibilities))),
    ];

    public static string[] Paths(IEnumerable<GraphPath> paths) =>
        paths.SelectMany(p => new[] { $"path of {p.Length}, score {Score(p.Score)}: {string.Join(" ", p.Nodes.Select(n => n.Id))}" }
            .Concat(p.Steps.Select(s => $"  {s.FromId} {(s.Forward ? "-" : "<-")}{RelationRules.WireName(s.Relation)}{(s.Forward ? "->" : "-")} {s.ToId}"))
            .Concat(p.Nodes.Select(n => $"  {Node(n)}")))
            .ToArray();

    public static string[] Gap(SkillGapResult gap) =>
    [
        $"from {Node(gap.From)}",
        $"to {Node(gap.To)}",
        $"coverage: {Score(gap.Coverage)}",
        .. gap.Missing.Select(i => $"missing importance={Number(i.Importance)} level={Number(i.Level)} {Node(i.Node)}"),
        .. gap.CarriesOver.Select(i => $"carries over importance={Number(i.Importance)} level={Number(i.Level)} {Node(i.Node)}"),
    ];

    public static string[] Similar(IEnumerable<SimilarRole> roles) =>
        roles.SelectMany(r => new[] { $"score {Score(r.Score)}: {Node(r.Role)}" }
            .Concat(r.Shared.Select(s => $"  shares {Node(s)}"))
            .Concat(r.Facets.Select(f => $"  facet {f.Facet}: cosine {Score(f.Cosine)} share {Score(f.Share)}"))
            .Concat(r.SharedItems.Select(i => $"  because of {i.Facet} {i.Node.Id}: {Score(i.Contribution)}"))
            .Concat(r.SharedTerms.Select(t => $"  because of the word {t.Term} ({t.Word}): {Score(t.Contribution)}")))
            .ToArray();

    public static string[] CareerPaths(IEnumerable<CareerPath> paths) =>
        paths.SelectMany(p => new[] { $"career path, score {Score(p.Score)}: {string.Join(" -> ", p.Roles.Select(r => r.Id))}" }
            .Concat(p.Steps.SelectMany(step => new[] { $"  step {step.From.Id} -> {step.To.Id}: {Score(step.Score)}" }.Concat(Gap(step.Gap).Select(line => "    " + line)))))
            .ToArray();

    public static string Report(EditReport report) =>
        $"nodes {Counts(report.Nodes)}; links {Counts(report.Links)}; dryRun={report.DryRun}; changed={report.Changed}";

    public static string Counts(ChangeCounts c) => $"created={c.Created} updated={c.Updated} unchanged={c.Unchanged} deleted={c.Deleted}";

    public static string[] Problems(GraphEditException error) =>
        error.Problems.Select(p => $"{p.Code} at {p.Path}: {p.Message}").ToArray();

    /// <summary>A whole graph: its sources in order, then nodes and links as sets (sorted), whatever order a store lists them in.</summary>
    public static string[] Document(TaxonomyDocument document) =>
    [
        .. document.Sources.Select(s => $"source {Text(s.Name)} version={Text(s.Version)} source={Text(s.Source)} license={Text(s.License)}"),
        .. document.Nodes.Select(Node).Order(StringComparer.Ordinal),
        .. document.Links.Select(Link).Order(StringComparer.Ordinal),
    ];

    private static IEnumerable<string> Section(string label, IEnumerable<GraphNode> nodes) => nodes.Select(n => $"{label} {Node(n)}");
}
