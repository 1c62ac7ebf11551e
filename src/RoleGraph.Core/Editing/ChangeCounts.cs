namespace RoleGraph.Core.Editing;

/// <summary>What an edit did (or, in a dry run, would do) to one sort of item.</summary>
public sealed record ChangeCounts(int Created, int Updated, int Unchanged, int Deleted)
{
    public static readonly ChangeCounts None = new(0, 0, 0, 0);

    public bool Changed => Created + Updated + Deleted > 0;
}
