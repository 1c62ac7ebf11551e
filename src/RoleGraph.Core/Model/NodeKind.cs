namespace RoleGraph.Core.Model;

/// <summary>The kinds of node the role graph holds. Every node has exactly one.</summary>
public enum NodeKind
{
    Role,
    Skill,
    Tool,
    Responsibility,
    Category,
}
