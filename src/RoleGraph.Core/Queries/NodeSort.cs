namespace RoleGraph.Core.Queries;

/// <summary>The fields a node list can be ordered by.</summary>
public enum NodeSortField
{
    Name,
    Id,
}

/// <summary>One ordering key. Lists always end with id ascending as the final tie-break, so order is total.</summary>
public sealed record NodeSort(NodeSortField Field, bool Descending = false);
