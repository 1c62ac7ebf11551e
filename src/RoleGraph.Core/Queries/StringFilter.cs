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

    /// <summary>Tests a value that is already lower-cased (the stores keep lower-cased copies for this).</summary>
    public bool Matches(string lowered)
    {
        const StringComparison cmp = StringComparison.Ordinal;
        return (Eq is null || lowered.Equals(Lower(Eq), cmp))
            && (Neq is null || !lowered.Equals(Lower(Neq), cmp))
            && (In is null || In.Any(v => lowered.Equals(Lower(v), cmp)))
            && (Nin is null || !Nin.Any(v => lowered.Equals(Lower(v), cmp)))
            && (Contains is null || lowered.Contains(Lower(Contains), cmp))
            && (NContains is null || !lowered.Contains(Lower(NContains), cmp))
            && (StartsWith is null || lowered.StartsWith(Lower(StartsWith), cmp))
            && (NStartsWith is null || !lowered.StartsWith(Lower(NStartsWith), cmp))
            && (EndsWith is null || lowered.EndsWith(Lower(EndsWith), cmp))
            && (NEndsWith is null || !lowered.EndsWith(Lower(NEndsWith), cmp));
    }

    public static string Lower(string value) => value.ToLowerInvariant();
}
