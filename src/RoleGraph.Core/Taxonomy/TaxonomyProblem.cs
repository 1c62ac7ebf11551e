namespace RoleGraph.Core.Taxonomy;

/// <summary>One thing wrong with a taxonomy file: where (file and JSON path) and what.</summary>
public sealed record TaxonomyProblem(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}
