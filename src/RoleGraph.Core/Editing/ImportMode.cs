namespace RoleGraph.Core.Editing;

/// <summary>How an imported taxonomy meets what the store already holds.</summary>
public enum ImportMode
{
    /// <summary>Create what is new, update what differs, keep everything else.</summary>
    Merge,

    /// <summary>Afterwards the store holds exactly the file: what the file no longer has is deleted.</summary>
    Replace,
}
