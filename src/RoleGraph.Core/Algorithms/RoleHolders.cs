using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// How many roles there are and how many hold a given node (link to it with REQUIRES, USES or RESPONSIBLE_FOR):
/// what path relevance measures specificity by.
/// </summary>
/// <remarks>
/// A separate input rather than counted from the snapshot a path is searched in, because that snapshot need not be
/// the whole graph: a store that fetches only the subgraph of the paths (Neo4j) holds only a few of a hub's role
/// links, so it passes the counts it gets from the database. Nodes are the indexes of the snapshot searched in.
/// </remarks>
/// <param name="roleCount">The number of roles in the whole graph (R).</param>
/// <param name="rolesHolding">For a node index, the number of distinct roles in the whole graph linking to it
/// (r); 0 for nodes no role links to, such as roles and categories. Clamped to 0..R.</param>
public sealed class RoleHolders(int roleCount, Func<int, int> rolesHolding)
{
    public int RoleCount { get; } = Math.Max(0, roleCount);

    public int Holding(int node) => Math.Clamp(rolesHolding(node), 0, RoleCount);

    /// <summary>
    /// The whole graph's counts: those a part carries (<see cref="GraphSnapshot.WholeGraph"/>), otherwise counted in
    /// the snapshot itself, which is then the whole graph (the embedded store).
    /// </summary>
    public static RoleHolders Of(GraphSnapshot graph) => graph.WholeGraph is { } whole
        ? new(whole.RoleCount, node => whole.RolesHolding.GetValueOrDefault(graph[node].Id))
        : new(graph.OfKind(NodeKind.Role).Length, graph.RolesHolding);

    /// <summary>
    /// Specificity in 0..1: ln((R + 1) / (r + 1)) / ln(R + 1), an inverse document frequency scaled so that an item
    /// every role holds scores 0 and one no role holds scores 1. 0 everywhere in a graph without roles.
    /// </summary>
    public double Specificity(int node)
    {
        if (RoleCount == 0)
        {
            return 0;
        }

        var all = Math.Log(RoleCount + 1.0);
        return Math.Log((RoleCount + 1.0) / (Holding(node) + 1.0)) / all;
    }
}
