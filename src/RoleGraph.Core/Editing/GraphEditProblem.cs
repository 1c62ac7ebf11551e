namespace RoleGraph.Core.Editing;

/// <summary>One reason an edit cannot be applied: what (code), where (the input's path) and why.</summary>
public sealed record GraphEditProblem(string Code, string Path, string Message)
{
    /// <summary>The edit names something the graph does not hold where it must (deleting or unlinking it).</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The edit's content is wrong: kinds clash, a link breaks the model's rules, a weight is out of range.</summary>
    public const string BadInput = "BAD_USER_INPUT";
}
