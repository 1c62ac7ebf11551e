namespace RoleGraph.Core.Queries;

/// <summary>A filter over nodes by id and name; And/Or nest like Hot Chocolate's filter inputs.</summary>
public sealed record NodeFilter
{
    public StringFilter? Id { get; init; }
    public StringFilter? Name { get; init; }
    public IReadOnlyList<NodeFilter>? And { get; init; }
    public IReadOnlyList<NodeFilter>? Or { get; init; }

    /// <summary>The same filter with every value lower-cased; <see cref="Matches"/> expects one.</summary>
    public NodeFilter Lowered() => new()
    {
        Id = Id?.Lowered(),
        Name = Name?.Lowered(),
        And = And?.Select(f => f.Lowered()).ToArray(),
        Or = Or?.Select(f => f.Lowered()).ToArray(),
    };

    /// <summary>Tests lower-cased id and name against a filter made by <see cref="Lowered"/>.</summary>
    public bool Matches(string loweredId, string loweredName) =>
        (Id is null || Id.Matches(loweredId))
        && (Name is null || Name.Matches(loweredName))
        && (And is null || And.All(f => f.Matches(loweredId, loweredName)))
        && (Or is null || Or.Count == 0 || Or.Any(f => f.Matches(loweredId, loweredName)));
}
