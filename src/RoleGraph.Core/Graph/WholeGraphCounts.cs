namespace RoleGraph.Core.Graph;

/// <summary>
/// Facts of the whole graph that a part cut from it cannot count itself: how many roles there are, and how many
/// roles hold (REQUIRES, USES or RESPONSIBLE_FOR) each node of the part. A database store attaches them to the
/// subgraph it reads, so that specificity comes out as over the whole graph.
/// </summary>
public sealed record WholeGraphCounts(int RoleCount, IReadOnlyDictionary<string, int> RolesHolding);
