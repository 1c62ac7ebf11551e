namespace RoleGraph.Core.Editing;

/// <summary>The outcome of an edit or import: counts for nodes and links, and whether it was only a dry run.</summary>
public sealed record EditReport(ChangeCounts Nodes, ChangeCounts Links, bool DryRun)
{
    public bool Changed => Nodes.Changed || Links.Changed;
}
