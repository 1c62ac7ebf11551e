using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Graph;

/// <summary>
/// The property incremental writes rest on: a snapshot derived edit by edit (<see cref="GraphSnapshot.Apply"/>) answers
/// every question exactly as a snapshot built whole from the same nodes and links, and planning against a snapshot
/// decides exactly as planning against lists. The expected graph is kept by this test in plain dictionaries, applying
/// each edit's meaning itself, and built whole; random edit sequences (created, renamed, deleted nodes; links
/// created, reweighted, deleted) on a graph whose ids and names interleave, so created nodes shift indices and names tie.
/// </summary>
public sealed class IncrementalSnapshotTests
{
    private static readonly string[] Words = ["data", "Data", "python", "go", "analysis", "zeta", "alpha", "ops", "Ops"];
    private static readonly double?[] Weights = [null, 0.1, 0.2, 0.3, 0.7, 0.25, 1.0, 0.0];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void A_derived_snapshot_answers_as_one_built_whole(int seed)
    {
        var random = new Random(seed);
        var model = new Model();
        for (var i = 0; i < 40; i++)
        {
            model.AddNode(RandomNode(random, model, Enum.GetValues<NodeKind>()[random.Next(5)]));
        }

        for (var i = 0; i < 120; i++)
        {
            if (RandomLink(random, model) is { } link)
            {
                model.Links[LinkKey.Of(link)] = link;
            }
        }

        var graph = GraphSnapshot.Build(model.Nodes.Values, model.Links.Values);
        var index = RoleSimilarityIndex.Build(graph, new SimilarityOptions());
        for (var step = 0; step < 60; step++)
        {
            var edit = RandomEdit(random, model);
            var plan = GraphEditPlanner.Plan(graph, edit);
            model.Apply(edit);
            graph = graph.Apply(plan.Changes);
            if (step % 25 == 24)
            {
                graph = graph.Rebuild(); // a new root mid-sequence, as the store's background rebuild makes
                Assert.Equal(0, graph.ChangesSinceBuild);
            }

            index = AssertSameAnswers(GraphSnapshot.Build(model.Nodes.Values, model.Links.Values), graph, index, random, $"seed {seed}, step {step}");
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Planning_against_a_snapshot_decides_as_planning_against_lists(int seed)
    {
        var random = new Random(seed);
        var model = new Model();
        for (var i = 0; i < 30; i++)
        {
            model.AddNode(RandomNode(random, model, Enum.GetValues<NodeKind>()[random.Next(5)]));
        }

        for (var i = 0; i < 80; i++)
        {
            if (RandomLink(random, model) is { } link)
            {
                model.Links[LinkKey.Of(link)] = link;
            }
        }

        var graph = GraphSnapshot.Build(model.Nodes.Values, model.Links.Values);
        for (var step = 0; step < 150; step++)
        {
            // Edits with mistakes in them too: unknown ids, repeated items, wrong kinds, deletes that leave links.
            var edit = MaybeBroken(random, model, RandomEdit(random, model));
            var fromLists = Outcome(() => GraphEditPlanner.Plan(model.Nodes.Values.ToList(), model.Links.Values.ToList(), edit));
            var fromSnapshot = Outcome(() => GraphEditPlanner.Plan(graph, edit));
            Assert.Equal(fromLists.Problems, fromSnapshot.Problems);
            Assert.Equal(fromLists.Report, fromSnapshot.Report);
            Assert.Equal(fromLists.Changes, fromSnapshot.Changes);
            if (fromSnapshot.Plan is { } plan)
            {
                Assert.Equal(Sorted(fromLists.Plan!.Nodes, fromLists.Plan.Links), Sorted(plan.Nodes, plan.Links));
                model.Apply(edit);
                graph = graph.Apply(plan.Changes);
            }
        }
    }

    private static string Sorted(IEnumerable<GraphNode> nodes, IEnumerable<GraphLink> links) =>
        string.Join("\n", nodes.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n => $"{n.Id} {n.Kind} {n.Name} {n.Description} {string.Join(",", n.Aliases)}"))
        + "\n" + string.Join("\n", links.Select(l => $"{LinkKey.Of(l)} {l.Importance} {l.Level}").Order(StringComparer.Ordinal));

    private sealed record PlanOutcome(GraphEditPlan? Plan, string Problems, EditReport? Report, string Changes);

    private static PlanOutcome Outcome(Func<GraphEditPlan> plan)
    {
        try
        {
            var made = plan();
            var c = made.Changes;
            var changes = string.Join(" | ",
                string.Join(",", c.WriteNodes.Select(n => n.Id).Order(StringComparer.Ordinal)),
                string.Join(",", c.DeleteNodes.Order(StringComparer.Ordinal)),
                string.Join(",", c.WriteLinks.Select(l => $"{LinkKey.Of(l)} {l.Importance} {l.Level}").Order(StringComparer.Ordinal)),
                string.Join(",", c.DeleteLinks.Select(k => k.ToString()).Order(StringComparer.Ordinal)));
            return new PlanOutcome(made, "", made.Report(dryRun: false), changes);
        }
        catch (GraphEditException e)
        {
            return new PlanOutcome(null, string.Join("\n", e.Problems.Select(p => $"{p.Code} {p.Path} {p.Message}")) + "\n" + e.Message, null, "");
        }
    }

    /// <summary>Compares everything a reader can ask; returns the derived snapshot's similarity index, made from the previous one.</summary>
    private static RoleSimilarityIndex AssertSameAnswers(GraphSnapshot expected, GraphSnapshot actual, RoleSimilarityIndex previous, Random random, string where)
    {
        Assert.True(expected.NodeCount == actual.NodeCount, where);
        Assert.True(expected.LinkCount == actual.LinkCount, where);
        for (var i = 0; i < expected.NodeCount; i++)
        {
            // Equal content, not the same object: an upsert that changes nothing leaves the stored node as it was.
            Assert.Equal(Text(expected[i]), Text(actual[i]));
            Assert.True(actual.TryGetIndex(expected[i].Id, out var index) && index == i, where);
            Assert.Equal(Text(expected[i]), Text(actual.Find(expected[i].Id)));
            Assert.Equal(expected.LowerId(i), actual.LowerId(i));
            Assert.Equal(expected.LowerName(i), actual.LowerName(i));
            Assert.Equal(expected.LowerAliases(i), actual.LowerAliases(i));
            Assert.True(expected.NameRank(i) == actual.NameRank(i), $"{where}: name rank of {expected[i].Id}");
            Assert.True(BitConverter.DoubleToInt64Bits(expected.RoleWeightTotal(i)) == BitConverter.DoubleToInt64Bits(actual.RoleWeightTotal(i)), $"{where}: weight total of {expected[i].Id}");
            Assert.True(expected.RolesHolding(i) == actual.RolesHolding(i), $"{where}: holders of {expected[i].Id}");
            Assert.Equal(Describe(expected, i), Describe(actual, i));
        }

        Assert.False(actual.TryGetIndex("no-such-node", out _));
        foreach (var link in expected.Links)
        {
            Assert.Equal(link, actual.FindLink(LinkKey.Of(link)));
        }

        Assert.Equal(expected.Links.Select(LinkKey.Of).Order(KeyOrder.Instance), actual.Links.Select(LinkKey.Of).Order(KeyOrder.Instance));
        Assert.Equal(expected.Nodes.Select(Text), actual.Nodes.Select(Text));
        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            Assert.Equal(expected.OfKind(kind).ToArray(), actual.OfKind(kind).ToArray());
            Assert.Equal(expected.OfKindByName(kind), actual.OfKindByName(kind));
        }

        for (var pair = 0; pair < 50 && expected.NodeCount > 0; pair++)
        {
            var (a, b) = (random.Next(expected.NodeCount), random.Next(expected.NodeCount));
            Assert.Equal(Math.Sign(expected.CompareByName(a, b)), Math.Sign(actual.CompareByName(a, b)));
        }

        Assert.Equal(expected.SearchText.Text, actual.SearchText.Text);
        Assert.Equal(expected.SearchText.NodeStart, actual.SearchText.NodeStart);
        foreach (var needle in new[] { "data", "o", "zeta", "ops" })
        {
            Assert.Equal(NodeSearch.Find(expected, needle, null, 20).Select(h => $"{h.Node.Id} {h.Match} {h.MatchedText}"),
                NodeSearch.Find(actual, needle, null, 20).Select(h => $"{h.Node.Id} {h.Match} {h.MatchedText}"));
        }

        var wholeIndex = RoleSimilarityIndex.Build(expected, new SimilarityOptions());
        var derivedIndex = RoleSimilarityIndex.Build(actual, new SimilarityOptions(), previous);
        Assert.Equal(wholeIndex.TermCount, derivedIndex.TermCount);
        foreach (var role in expected.OfKind(NodeKind.Role))
        {
            Assert.Equal(wholeIndex.Nearest(role, 5), derivedIndex.Nearest(role, 5));
            foreach (var other in wholeIndex.Nearest(role, 2))
            {
                Assert.Equal(wholeIndex.Explain(role, other.Role), derivedIndex.Explain(role, other.Role), RankedRoleComparer.Instance);
            }
        }

        return derivedIndex;
    }

    private sealed class RankedRoleComparer : IEqualityComparer<RankedRole>
    {
        public static readonly RankedRoleComparer Instance = new();

        public bool Equals(RankedRole? x, RankedRole? y) => Text(x) == Text(y);

        public int GetHashCode(RankedRole obj) => Text(obj).GetHashCode(StringComparison.Ordinal);

        private static string Text(RankedRole? r) => r is null ? "" : string.Join(" ",
            r.Role, r.Score, string.Join(",", r.Facets), string.Join(",", r.SharedItems.Select(i => $"{i.Item}:{i.Facet}:{i.Contribution}")),
            string.Join(",", r.SharedTerms));
    }

    private static string Text(GraphNode? node) => node is null ? "(none)"
        : $"{node.Id} {node.Kind} {node.Name} {node.Description} [{string.Join(",", node.Aliases)}] {string.Join(",", node.Properties.Select(p => $"{p.Key}={p.Value}"))}";

    /// <summary>A node's adjacency as what it says (neighbour, relation, direction, the link itself), not link positions.</summary>
    private static string Describe(GraphSnapshot graph, int index)
    {
        var parts = new List<string>();
        foreach (var adjacent in graph.Neighbors(index))
        {
            var link = graph.Link(adjacent.Link);
            parts.Add($"{adjacent.Node}:{adjacent.Relation}:{adjacent.Outgoing}:{link.FromId}>{link.ToId}:{link.Importance}:{link.Level}");
        }

        return string.Join(" ", parts);
    }

    private sealed class KeyOrder : IComparer<LinkKey>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(LinkKey x, LinkKey y) => LinkKey.CompareInFileOrder(x.FromId, x.Relation, x.ToId, y.FromId, y.Relation, y.ToId);
    }

    private static GraphNode RandomNode(Random random, Model model, NodeKind kind, string? id = null)
    {
        while (id is null)
        {
            id = $"{(char)('a' + random.Next(26))}{(char)('a' + random.Next(26))}-{random.Next(100)}";
            id = model.Nodes.ContainsKey(id) ? null : id;
        }

        var name = Words[random.Next(Words.Length)] + (random.Next(3) == 0 ? "" : $" {Words[random.Next(Words.Length)]}");
        string[] aliases = random.Next(3) == 0 ? [Words[random.Next(Words.Length)] + " alias"] : [];
        return new GraphNode(id, kind, name, random.Next(2) == 0 ? null : $"About {name} and {Words[random.Next(Words.Length)]}", aliases, GraphNode.NoProperties);
    }

    private static readonly (RelationKind Relation, NodeKind From, NodeKind To)[] Shapes =
    [
        (RelationKind.Requires, NodeKind.Role, NodeKind.Skill),
        (RelationKind.Requires, NodeKind.Role, NodeKind.Skill),
        (RelationKind.Uses, NodeKind.Role, NodeKind.Tool),
        (RelationKind.ResponsibleFor, NodeKind.Role, NodeKind.Responsibility),
        (RelationKind.Supports, NodeKind.Tool, NodeKind.Skill),
        (RelationKind.InCategory, NodeKind.Skill, NodeKind.Category),
        (RelationKind.SubcategoryOf, NodeKind.Category, NodeKind.Category),
        (RelationKind.RelatedTo, NodeKind.Skill, NodeKind.Skill),
    ];

    /// <summary>A valid link between existing nodes, not yet in the model (or a reweighting of one that is); null if none fits.</summary>
    private static GraphLink? RandomLink(Random random, Model model, ISet<string>? avoid = null)
    {
        var (relation, fromKind, toKind) = Shapes[random.Next(Shapes.Length)];
        var froms = model.Nodes.Values.Where(n => n.Kind == fromKind && avoid?.Contains(n.Id) != true).ToList();
        var tos = model.Nodes.Values.Where(n => n.Kind == toKind && avoid?.Contains(n.Id) != true).ToList();
        if (froms.Count == 0 || tos.Count == 0)
        {
            return null;
        }

        var (from, to) = (froms[random.Next(froms.Count)].Id, tos[random.Next(tos.Count)].Id);
        if (from == to || (RelationRules.IsSymmetric(relation) && model.Links.ContainsKey(new LinkKey(to, from, relation))))
        {
            return null;
        }

        var importance = RelationRules.HasImportance(relation) ? Weights[random.Next(Weights.Length)] : null;
        var level = RelationRules.HasLevel(relation) ? Weights[random.Next(Weights.Length)] : null;
        return new GraphLink(from, to, relation, importance, level);
    }

    private static GraphEdit RandomEdit(Random random, Model model)
    {
        var upsertNodes = new List<GraphNode>();
        var deleteNodes = new List<string>();
        var upsertLinks = new Dictionary<LinkKey, GraphLink>();
        var deleteLinks = new List<LinkKey>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var scratch = model.Copy();
        for (var n = random.Next(4); n > 0; n--)
        {
            var node = RandomNode(random, scratch, Enum.GetValues<NodeKind>()[random.Next(5)]);
            upsertNodes.Add(node);
            touched.Add(node.Id);
            scratch.AddNode(node);
        }

        var existing = model.Nodes.Values.ToList();
        for (var n = random.Next(3); n > 0 && existing.Count > 0; n--)
        {
            var old = existing[random.Next(existing.Count)];
            if (touched.Add(old.Id))
            {
                var renamed = RandomNode(random, scratch, old.Kind, old.Id);
                upsertNodes.Add(random.Next(4) == 0 ? old : renamed); // sometimes unchanged
                scratch.Nodes[old.Id] = upsertNodes[^1];
            }
        }

        for (var n = random.Next(3) == 0 ? random.Next(1, 3) : 0; n > 0 && existing.Count > 0; n--)
        {
            var gone = existing[random.Next(existing.Count)];
            if (touched.Add(gone.Id))
            {
                deleteNodes.Add(gone.Id);
            }
        }

        var deleted = deleteNodes.ToHashSet(StringComparer.Ordinal);
        foreach (var id in deleteNodes)
        {
            scratch.Nodes.Remove(id);
        }

        var links = model.Links.Keys.Where(k => !deleted.Contains(k.FromId) && !deleted.Contains(k.ToId)).ToList();
        for (var n = random.Next(3); n > 0 && links.Count > 0; n--)
        {
            var key = links[random.Next(links.Count)];
            if (!deleteLinks.Contains(key))
            {
                deleteLinks.Add(key);
                scratch.Links.Remove(key);
            }
        }

        for (var n = random.Next(6); n > 0; n--)
        {
            if (RandomLink(random, scratch, deleted) is { } link && !upsertLinks.ContainsKey(LinkKey.Of(link))
                && !upsertLinks.ContainsKey(new LinkKey(link.ToId, link.FromId, link.Relation)))
            {
                upsertLinks[LinkKey.Of(link)] = link;
            }
        }

        return new GraphEdit
        {
            UpsertNodes = upsertNodes,
            DeleteNodes = deleteNodes,
            Cascade = true,
            DeleteLinks = deleteLinks,
            UpsertLinks = upsertLinks.Values.ToList(),
        };
    }

    private static GraphEdit MaybeBroken(Random random, Model model, GraphEdit edit)
    {
        var existing = model.Nodes.Values.ToList();
        return random.Next(6) switch
        {
            0 => edit with { UpsertLinks = [.. edit.UpsertLinks, new GraphLink("no-such-role", existing[random.Next(existing.Count)].Id, RelationKind.Requires)] },
            1 => edit with { DeleteNodes = [.. edit.DeleteNodes, "missing-1"] },
            2 => edit with { Cascade = false },
            3 when edit.UpsertNodes.Count > 0 => edit with { UpsertNodes = [.. edit.UpsertNodes, edit.UpsertNodes[0]] },
            4 => edit with { DeleteLinks = [.. edit.DeleteLinks, new LinkKey(existing[0].Id, existing[^1].Id, RelationKind.Uses)] },
            5 => edit with { UpsertLinks = [.. edit.UpsertLinks, new GraphLink(existing[0].Id, existing[^1].Id, RelationKind.Supports, 0.5)] },
            _ => edit,
        };
    }

    /// <summary>The graph as this test keeps it: each edit applied by what it means, not by the planner.</summary>
    private sealed class Model
    {
        public Dictionary<string, GraphNode> Nodes { get; private init; } = new(StringComparer.Ordinal);

        public Dictionary<LinkKey, GraphLink> Links { get; private init; } = [];

        public void AddNode(GraphNode node) => Nodes.Add(node.Id, node);

        public Model Copy() => new() { Nodes = new(Nodes, StringComparer.Ordinal), Links = new(Links) };

        public void Apply(GraphEdit edit)
        {
            foreach (var node in edit.UpsertNodes)
            {
                Nodes[node.Id] = node;
            }

            foreach (var id in edit.DeleteNodes)
            {
                Nodes.Remove(id);
                foreach (var key in Links.Keys.Where(k => k.FromId == id || k.ToId == id).ToList())
                {
                    Links.Remove(key);
                }
            }

            foreach (var key in edit.DeleteLinks)
            {
                Links.Remove(key);
            }

            foreach (var link in edit.UpsertLinks)
            {
                Links[LinkKey.Of(link)] = link;
            }
        }
    }
}
