namespace RoleGraph.Core.Model;

/// <summary>
/// The relationship types of the graph. Links are stored directed (from → to as named) and traversed both ways.
/// </summary>
public enum RelationKind
{
    /// <summary>Role → Skill, with optional importance and level.</summary>
    Requires,

    /// <summary>Role → Tool, with optional importance.</summary>
    Uses,

    /// <summary>Role → Responsibility.</summary>
    ResponsibleFor,

    /// <summary>Tool → Skill: the tool is a means to practise the skill (TensorFlow supports machine learning).</summary>
    Supports,

    /// <summary>Skill or Tool → Category.</summary>
    InCategory,

    /// <summary>Category → parent Category.</summary>
    SubcategoryOf,

    /// <summary>Skill → Skill, a symmetric association stored once.</summary>
    RelatedTo,
}
