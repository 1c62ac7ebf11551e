namespace RoleGraph.Core.Queries;

/// <summary>
/// Comparisons on a number of a link (importance, level), in the shape of Hot Chocolate's FloatOperationFilterInput.
/// Every set operation must hold; a link without the number satisfies none of them.
/// </summary>
public sealed record NumberFilter
{
    public double? Eq { get; init; }
    public double? Neq { get; init; }
    public IReadOnlyList<double>? In { get; init; }
    public IReadOnlyList<double>? Nin { get; init; }
    public double? Gt { get; init; }
    public double? Gte { get; init; }
    public double? Lt { get; init; }
    public double? Lte { get; init; }

    public bool Matches(double? value) =>
        value is { } v
        && (Eq is null || v == Eq)
        && (Neq is null || v != Neq)
        && (In is null || In.Contains(v))
        && (Nin is null || !Nin.Contains(v))
        && (Gt is null || v > Gt)
        && (Gte is null || v >= Gte)
        && (Lt is null || v < Lt)
        && (Lte is null || v <= Lte);
}
