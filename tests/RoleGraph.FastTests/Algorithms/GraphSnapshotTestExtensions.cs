using RoleGraph.Core.Graph;

namespace RoleGraph.Tests.Algorithms;

/// <summary>Index lookups for tests, which name nodes by id.</summary>
internal static class GraphSnapshotTestExtensions
{
    public static int IndexOf(this GraphSnapshot graph, string id) =>
        graph.TryGetIndex(id, out var index) ? index : throw new InvalidOperationException($"No node '{id}' in the test graph.");

    public static int[] IndexesOf(this GraphSnapshot graph, params string[] ids) => ids.Select(graph.IndexOf).ToArray();
}
