namespace RoleGraph.Core.Editing;

/// <summary>An edit was refused; nothing was changed. Lists every problem found.</summary>
public sealed class GraphEditException(IReadOnlyList<GraphEditProblem> problems)
    : Exception(problems.Count == 1 ? problems[0].Message : $"The edit was refused ({problems.Count} problems): " + string.Join(" ", problems.Select(p => $"{p.Path}: {p.Message}")))
{
    public IReadOnlyList<GraphEditProblem> Problems { get; } = problems;
}
