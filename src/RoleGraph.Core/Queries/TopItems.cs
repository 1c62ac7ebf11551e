namespace RoleGraph.Core.Queries;

/// <summary>The answer of a <see cref="TopItemsQuery"/>: how many roles matched, and their most held items.</summary>
public sealed record TopItems(int RoleCount, IReadOnlyList<ItemFacet> Items);
