namespace RoleGraph.Core.Queries;

/// <summary>
/// Case-insensitive operations on one string field, in the shape of Hot Chocolate's StringOperationFilterInput.
/// Every set operation must hold (they are AND-ed).
/// </summary>
public sealed record StringFilter
{
    public string? Eq { get; init; }
    public string? Neq { get; init; }
    public IReadOnlyList<string>? In { get; init; }
    public IReadOnlyList<string>? Nin { get; init; }
    public string? Contains { get; init; }
    public string? NContains { get; init; }
    public string? StartsWith { get; init; }
    public string? NStartsWith { get; init; }
    public string? EndsWith { get; init; }
    public string? NEndsWith { get; init; }

    /// <summary>
    /// Tests a lower-cased value against a filter made by <see cref="Lowered"/>: the filter's own values are
    /// lower-cased once per query, not once per node compared.
    /// </summary>
    public bool Matches(string lowered)
    {
        const StringComparison cmp = StringComparison.Ordinal;
        return (Eq is null || lowered.Equals(Eq, cmp))
            && (Neq is null || !lowered.Equals(Neq, cmp))
            && (In is null || In.Any(v => lowered.Equals(v, cmp)))
            && (Nin is null || !Nin.Any(v => lowered.Equals(v, cmp)))
            && (Contains is null || lowered.Contains(Contains, cmp))
            && (NContains is null || !lowered.Contains(NContains, cmp))
            && (StartsWith is null || lowered.StartsWith(StartsWith, cmp))
            && (NStartsWith is null || !lowered.StartsWith(NStartsWith, cmp))
            && (EndsWith is null || lowered.EndsWith(EndsWith, cmp))
            && (NEndsWith is null || !lowered.EndsWith(NEndsWith, cmp));
    }

    /// <summary>The same filter with every value lower-cased, for case-insensitive matching.</summary>
    public StringFilter Lowered() => new()
    {
        Eq = Eq?.ToLowerInvariant(),
        Neq = Neq?.ToLowerInvariant(),
        In = In?.Select(v => v.ToLowerInvariant()).ToArray(),
        Nin = Nin?.Select(v => v.ToLowerInvariant()).ToArray(),
        Contains = Contains?.ToLowerInvariant(),
        NContains = NContains?.ToLowerInvariant(),
        StartsWith = StartsWith?.ToLowerInvariant(),
        NStartsWith = NStartsWith?.ToLowerInvariant(),
        EndsWith = EndsWith?.ToLowerInvariant(),
        NEndsWith = NEndsWith?.ToLowerInvariant(),
    };
}
