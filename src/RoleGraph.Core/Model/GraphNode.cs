namespace RoleGraph.Core.Model;

/// <summary>
/// A node of the role graph. The id is a readable slug unique across all kinds; properties hold facts a
/// particular taxonomy carries beyond the common fields (a role's primary focus, an O*NET-SOC code).
/// </summary>
public sealed record GraphNode(
    string Id,
    NodeKind Kind,
    string Name,
    string? Description,
    IReadOnlyList<string> Aliases,
    IReadOnlyDictionary<string, string> Properties)
{
    public static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

    public string? Property(string key) => Properties.TryGetValue(key, out var value) ? value : null;
}
