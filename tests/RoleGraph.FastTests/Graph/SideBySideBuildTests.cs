using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Graph;

/// <summary>
/// A large graph's snapshot is built in two halves side by side (text indexes beside structure, see
/// <see cref="GraphSnapshot.SideBySideFrom"/>); it must answer exactly as the same graph built one half after the
/// other. A generated graph above the threshold, with names that tie and differ only in case, aliases, and roles
/// holding skills and tools with and without weights.
/// </summary>
public sealed class SideBySideBuildTests
{
    [Fact]
    public void Built_side_by_side_a_snapshot_answers_as_one_built_in_turn()
    {
        var (nodes, links) = Generated(GraphSnapshot.SideBySideFrom + 2_000, seed: 7);
        var inTurn = GraphSnapshot.BuildWith(nodes, links, sideBySide: false);
        var sideBySide = GraphSnapshot.BuildWith(nodes, links, sideBySide: true);

        Assert.Equal(inTurn.NodeCount, sideBySide.NodeCount);
        for (var i = 0; i < inTurn.NodeCount; i++)
        {
            Assert.True(sideBySide.TryGetIndex(inTurn[i].Id, out var index) && index == i, inTurn[i].Id);
            Assert.Equal(inTurn.LowerName(i), sideBySide.LowerName(i));
            Assert.Equal(inTurn.LowerAliases(i), sideBySide.LowerAliases(i));
            Assert.Equal(inTurn.NameRank(i), sideBySide.NameRank(i));
            Assert.Equal(inTurn.RoleWeightTotal(i), sideBySide.RoleWeightTotal(i));
            Assert.Equal(inTurn.RolesHolding(i), sideBySide.RolesHolding(i));
            Assert.Equal(inTurn.Neighbors(i).ToArray(), sideBySide.Neighbors(i).ToArray());
        }

        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            Assert.Equal(inTurn.OfKind(kind).ToArray(), sideBySide.OfKind(kind).ToArray());
            Assert.Equal(inTurn.OfKindByName(kind), sideBySide.OfKindByName(kind));
        }

        // And what the halves hold is right, not merely alike: a role's total is the sum of its holding links' weights.
        var role = sideBySide.OfKind(NodeKind.Role)[0];
        var expected = links.Where(l => l.FromId == sideBySide[role].Id && l.Relation is RelationKind.Requires or RelationKind.Uses).Sum(l => l.Weight);
        Assert.Equal(expected, sideBySide.RoleWeightTotal(role), precision: 9);
        Assert.True(sideBySide.Neighbors(role).Length > 0);
    }

    private static (GraphNode[] Nodes, GraphLink[] Links) Generated(int count, int seed)
    {
        var random = new Random(seed);
        string[] words = ["Data", "data", "Python", "ops", "Ops", "analysis", "Zeta", "alpha"];
        var kinds = new[] { NodeKind.Role, NodeKind.Skill, NodeKind.Skill, NodeKind.Tool, NodeKind.Responsibility, NodeKind.Category };
        var nodes = new GraphNode[count];
        for (var i = 0; i < count; i++)
        {
            var name = $"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}";
            string[] aliases = random.Next(4) == 0 ? [$"{words[random.Next(words.Length)]} Alias"] : [];
            nodes[i] = new GraphNode($"node-{i:D6}", kinds[i % kinds.Length], name, null, aliases, GraphNode.NoProperties);
        }

        var links = new List<GraphLink>();
        var seen = new HashSet<(int, int, RelationKind)>();
        for (var i = 0; i < count; i += kinds.Length)
        {
            for (var k = 0; k < 6; k++)
            {
                var target = random.Next(count / kinds.Length) * kinds.Length + (random.Next(2) == 0 ? 1 : 3); // a skill or a tool
                var relation = nodes[target].Kind == NodeKind.Skill ? RelationKind.Requires : RelationKind.Uses;
                if (seen.Add((i, target, relation)))
                {
                    links.Add(new GraphLink(nodes[i].Id, nodes[target].Id, relation, random.Next(3) == 0 ? null : Math.Round(random.NextDouble(), 2)));
                }
            }
        }

        return (nodes, [.. links]);
    }
}
