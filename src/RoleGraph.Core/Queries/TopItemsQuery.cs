using RoleGraph.Core.Model;

namespace RoleGraph.Core.Queries;

/// <summary>
/// Facets over a set of roles: the items (skills, tools, responsibilities) most of them hold. The roles are those
/// named in <see cref="RoleIds"/> and matching <see cref="Where"/>, each when given; every role when neither is.
/// </summary>
public sealed record TopItemsQuery(
    IReadOnlyList<string>? RoleIds = null,
    NodeFilter? Where = null,
    IReadOnlyList<NodeKind>? Kinds = null,
    int First = TopItemsQuery.DefaultFirst)
{
    public const int DefaultFirst = 10;
    public const int MaxFirst = 100;
    public const int MaxRoleIds = 1000;

    public static readonly IReadOnlyList<NodeKind> DefaultKinds = [NodeKind.Skill, NodeKind.Tool];

    /// <summary>The kinds counted: skills and tools unless asked otherwise, in a fixed order.</summary>
    public IReadOnlyList<NodeKind> EffectiveKinds =>
        Kinds is null || Kinds.Count == 0 ? DefaultKinds : OverlapQuery.ComparableKinds.Where(Kinds.Contains).ToArray();

    public void Validate()
    {
        if (First < 1 || First > MaxFirst)
        {
            throw GraphInputException.OutOfRange("first", First, 1, MaxFirst);
        }

        if (RoleIds is { } ids && ids.Count > MaxRoleIds)
        {
            throw GraphInputException.OutOfRange("roleIds", $"{ids.Count} ids", 0, MaxRoleIds);
        }

        var unsupported = Kinds?.Where(k => !OverlapQuery.ComparableKinds.Contains(k)).Cast<NodeKind?>().FirstOrDefault();
        if (unsupported is { } kind)
        {
            throw new GraphInputException(
                $"Argument 'kinds' may hold SKILL, TOOL and RESPONSIBILITY only; got {kind.ToString().ToUpperInvariant()}.", "kinds", kind);
        }
    }
}
