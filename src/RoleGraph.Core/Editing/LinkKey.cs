using RoleGraph.Core.Model;

namespace RoleGraph.Core.Editing;

/// <summary>What identifies a link: at most one link of a relation joins two nodes in a given direction.</summary>
public readonly record struct LinkKey(string FromId, string ToId, RelationKind Relation)
{
    public static LinkKey Of(GraphLink link) => new(link.FromId, link.ToId, link.Relation);

    public override string ToString() => $"{FromId} -{RelationRules.WireName(Relation)}-> {ToId}";
}
