namespace RoleGraph.Core.Taxonomy;

/// <summary>A taxonomy was rejected; it lists every problem found, not only the first.</summary>
public sealed class TaxonomyValidationException(IReadOnlyList<TaxonomyProblem> problems)
    : Exception($"The taxonomy is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<TaxonomyProblem> Problems { get; } = problems;
}
