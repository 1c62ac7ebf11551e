using RoleGraph.Core.Model;

namespace RoleGraph.Core.Queries;

/// <summary>The first shortest paths between two nodes, traversing links in either direction, in the given order.</summary>
public sealed record PathQuery(
    string FromId,
    string ToId,
    int MaxHops = PathQuery.DefaultMaxHops,
    IReadOnlyList<RelationKind>? Via = null,
    int First = PathQuery.DefaultFirst,
    PathOrder Order = PathOrder.Relevance)
{
    public const int DefaultMaxHops = 4;
    public const int MaxMaxHops = 8;
    public const int DefaultFirst = 10;
    public const int MaxFirst = 100;

    public void Validate()
    {
        if (MaxHops < 1 || MaxHops > MaxMaxHops)
        {
            throw GraphInputException.OutOfRange("maxHops", MaxHops, 1, MaxMaxHops);
        }

        if (First < 1 || First > MaxFirst)
        {
            throw GraphInputException.OutOfRange("first", First, 1, MaxFirst);
        }
    }
}
