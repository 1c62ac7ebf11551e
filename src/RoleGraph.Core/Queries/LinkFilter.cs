namespace RoleGraph.Core.Queries;

/// <summary>
/// A condition on one link of a node and the node at its far end: the far node's id and name (case-insensitive, as
/// in <see cref="NodeFilter"/>) and the link's importance and level. And/Or/Not nest.
/// </summary>
public sealed record LinkFilter
{
    public StringFilter? Id { get; init; }
    public StringFilter? Name { get; init; }
    public NumberFilter? Importance { get; init; }
    public NumberFilter? Level { get; init; }
    public IReadOnlyList<LinkFilter>? And { get; init; }
    public IReadOnlyList<LinkFilter>? Or { get; init; }
    public LinkFilter? Not { get; init; }

    /// <summary>The same filter with every string lower-cased, as the evaluation expects.</summary>
    public LinkFilter Lowered() => this with
    {
        Id = Id?.Lowered(),
        Name = Name?.Lowered(),
        And = And?.Select(f => f.Lowered()).ToArray(),
        Or = Or?.Select(f => f.Lowered()).ToArray(),
        Not = Not?.Lowered(),
    };

    /// <summary>Tests a far node's lower-cased id and name and the link's numbers against a lowered filter.</summary>
    public bool Matches(string loweredId, string loweredName, double? importance, double? level) =>
        (Id is null || Id.Matches(loweredId))
        && (Name is null || Name.Matches(loweredName))
        && (Importance is null || Importance.Matches(importance))
        && (Level is null || Level.Matches(level))
        && (And is null || And.All(f => f.Matches(loweredId, loweredName, importance, level)))
        && (Or is null || Or.Count == 0 || Or.Any(f => f.Matches(loweredId, loweredName, importance, level)))
        && (Not is null || !Not.Matches(loweredId, loweredName, importance, level));

    /// <summary>
    /// The ids this filter restricts the far node to at its top level (id eq or in), or null when it does not: a
    /// <c>some</c> over such a filter looks those nodes up in the adjacency instead of scanning it.
    /// </summary>
    public IReadOnlyList<string>? OnlyIds => Id switch
    {
        { Eq: { } eq } => [eq],
        { In: { } list } => list,
        _ => null,
    };
}
