namespace RoleGraph.Core.Taxonomy;

/// <summary>
/// One thing wrong with a taxonomy file: where (file, line and column when known, and the JSON path) and what.
/// </summary>
public sealed record TaxonomyProblem(string File, string Path, string Message)
{
    /// <summary>1-based line of the offending value (or of the nearest enclosing one); null when unknown.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column of the offending value; null when unknown.</summary>
    public int? Column { get; init; }

    public override string ToString() => Line is { } line
        ? $"{File}:{line}:{Column}: {Path}: {Message}"
        : $"{File}: {Path}: {Message}";
}
