using RoleGraph.Core.Model;

namespace RoleGraph.Core.Queries;

/// <summary>What 2 to 10 roles share, over the chosen kinds of linked node.</summary>
public sealed record OverlapQuery(IReadOnlyList<string> RoleIds, IReadOnlyList<NodeKind>? Kinds = null)
{
    public const int MinRoles = 2;
    public const int MaxRoles = 10;

    public static readonly IReadOnlyList<NodeKind> ComparableKinds = [NodeKind.Skill, NodeKind.Tool, NodeKind.Responsibility];

    /// <summary>The chosen kinds, defaulting to every comparable kind, in a fixed order.</summary>
    public IReadOnlyList<NodeKind> EffectiveKinds =>
        Kinds is null || Kinds.Count == 0 ? ComparableKinds : ComparableKinds.Where(Kinds.Contains).ToArray();

    public void Validate()
    {
        var distinct = RoleIds.Distinct(StringComparer.Ordinal).Count();
        if (RoleIds.Count < MinRoles || RoleIds.Count > MaxRoles)
        {
            throw GraphInputException.OutOfRange("roleIds", $"{RoleIds.Count} ids", MinRoles, MaxRoles);
        }

        if (distinct != RoleIds.Count)
        {
            throw new GraphInputException("Argument 'roleIds' names a role more than once.", "roleIds");
        }

        // Cast first: FirstOrDefault over the enum itself would answer ROLE (its default) when every kind is fine.
        var unsupported = Kinds?.Where(k => !ComparableKinds.Contains(k)).Cast<NodeKind?>().FirstOrDefault();
        if (unsupported is { } kind)
        {
            throw new GraphInputException(
                $"Argument 'kinds' may hold SKILL, TOOL and RESPONSIBILITY only; got {kind.ToString().ToUpperInvariant()}.", "kinds", kind);
        }
    }
}
