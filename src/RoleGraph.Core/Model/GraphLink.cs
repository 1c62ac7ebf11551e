namespace RoleGraph.Core.Model;

/// <summary>A directed, typed link. Importance and level are in 0..1 and only on relations that carry them.</summary>
public sealed record GraphLink(string FromId, string ToId, RelationKind Relation, double? Importance = null, double? Level = null)
{
    /// <summary>Importance as a weight: links without an importance count fully.</summary>
    public double Weight => Importance ?? 1.0;
}
