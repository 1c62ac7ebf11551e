namespace RoleGraph.Core.Queries;

/// <summary>A filter over nodes by id and name; And/Or nest like Hot Chocolate's filter inputs.</summary>
public sealed record NodeFilter
{
    public StringFilter? Id { get; init; }
    public StringFilter? Name { get; init; }
    public IReadOnlyList<NodeFilter>? And { get; init; }
    public IReadOnlyList<NodeFilter>? Or { get; init; }

    public bool Matches(string loweredId, string loweredName) =>
        (Id is null || Id.Matches(loweredId))
        && (Name is null || Name.Matches(loweredName))
        && (And is null || And.All(f => f.Matches(loweredId, loweredName)))
        && (Or is null || Or.Count == 0 || Or.Any(f => f.Matches(loweredId, loweredName)));
}
