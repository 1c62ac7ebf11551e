
namespace RoleGraph.Core.Model;

/// <summary>What identifies a link: at most one link of a relation joins two nodes in a given direction.</summary>
public readonly record struct LinkKey(string FromId, string ToId, RelationKind Relation)
{
    public static LinkKey Of(GraphLink link) => new(link.FromId, link.ToId, link.Relation);

    /// <summary>The order taxonomy files and data files list links in: source, relation, target (ordinal).</summary>
    public static int CompareInFileOrder(string fromA, RelationKind relationA, string toA, string fromB, RelationKind relationB, string toB)
    {
        var c = string.CompareOrdinal(fromA, fromB);
        if (c != 0)
        {
            return c;
        }

        c = relationA.CompareTo(relationB);
        return c != 0 ? c : string.CompareOrdinal(toA, toB);
    }

    public override string ToString() => $"{FromId} -{RelationRules.WireName(Relation)}-> {ToId}";
}
