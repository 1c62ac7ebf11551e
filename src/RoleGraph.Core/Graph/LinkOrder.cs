using RoleGraph.Core.Model;

namespace RoleGraph.Core.Graph;

/// <summary>
/// The one order of a node's linked items, wherever a list of them is shown (a role's skills, a skill gap): the
/// heaviest link first (importance, 1 where absent), then by name, then id.
/// </summary>
public static class LinkOrder
{
    public static void Sort(GraphSnapshot graph, List<(int Node, GraphLink Link)> items) =>
        items.Sort((a, b) =>
        {
            var byWeight = b.Link.Weight.CompareTo(a.Link.Weight);
            return byWeight != 0 ? byWeight : graph.CompareByName(a.Node, b.Node);
        });
}
