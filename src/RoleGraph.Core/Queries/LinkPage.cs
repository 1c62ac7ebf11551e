using RoleGraph.Core.Store;

namespace RoleGraph.Core.Queries;

/// <summary>
/// One page of a node's links (<see cref="LinkQuery"/>) with the offsets the cursors encode, the size of the whole
/// filtered list, and statistics of importance and level over that whole list (null where no link has one).
/// </summary>
public sealed record LinkPage(
    IReadOnlyList<LinkedNode> Items,
    int StartOffset,
    int TotalCount,
    bool HasPreviousPage,
    bool HasNextPage,
    NumberStats? Importance,
    NumberStats? Level)
{
    public static readonly LinkPage Empty = new([], 0, 0, false, false, null, null);
}
