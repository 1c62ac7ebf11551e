namespace RoleGraph.Core.Queries;

/// <summary>The fields a node's list of links can be ordered by.</summary>
public enum LinkSortField
{
    /// <summary>The link's importance, 1 where absent (as the default order weighs it).</summary>
    Importance,

    /// <summary>The link's level; links without one come last ascending, first descending.</summary>
    Level,

    /// <summary>The far node's name, case-insensitively.</summary>
    Name,

    /// <summary>The far node's id.</summary>
    Id,
}

/// <summary>One ordering key of a list of links; lists end with name, then id, so the order is total.</summary>
public sealed record LinkSort(LinkSortField Field, bool Descending = false);
