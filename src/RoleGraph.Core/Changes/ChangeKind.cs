namespace RoleGraph.Core.Changes;

/// <summary>What a write did to one node or link.</summary>
public enum ChangeKind
{
    Created,
    Updated,
    Deleted,
}
