namespace RoleGraph.Core.Model;

/// <summary>
/// Which node kinds each relation may connect, and which relations carry weights. Both stores and every
/// reader of taxonomy files check links against these rules, so the graph never holds a link the schema cannot show.
/// </summary>
public static class RelationRules
{
    public static bool Allows(RelationKind relation, NodeKind from, NodeKind to) => relation switch
    {
        RelationKind.Requires => from == NodeKind.Role && to == NodeKind.Skill,
        RelationKind.Uses => from == NodeKind.Role && to == NodeKind.Tool,
        RelationKind.ResponsibleFor => from == NodeKind.Role && to == NodeKind.Responsibility,
        RelationKind.Supports => from == NodeKind.Tool && to == NodeKind.Skill,
        RelationKind.InCategory => from is NodeKind.Skill or NodeKind.Tool && to == NodeKind.Category,
        RelationKind.SubcategoryOf => from == NodeKind.Category && to == NodeKind.Category,
        RelationKind.RelatedTo => from == NodeKind.Skill && to == NodeKind.Skill,
        _ => false,
    };

    public static string Describe(RelationKind relation) => relation switch
    {
        RelationKind.Requires => "Role -> Skill",
        RelationKind.Uses => "Role -> Tool",
        RelationKind.ResponsibleFor => "Role -> Responsibility",
        RelationKind.Supports => "Tool -> Skill",
        RelationKind.InCategory => "Skill|Tool -> Category",
        RelationKind.SubcategoryOf => "Category -> Category",
        RelationKind.RelatedTo => "Skill -> Skill",
        _ => relation.ToString(),
    };

    /// <summary>Relations that mean the same both ways, so a link and its reverse are one fact, stored once.</summary>
    public static bool IsSymmetric(RelationKind relation) => relation is RelationKind.RelatedTo;

    public static bool HasImportance(RelationKind relation) => relation is RelationKind.Requires or RelationKind.Uses;

    public static bool HasLevel(RelationKind relation) => relation is RelationKind.Requires;

    /// <summary>The wire name of a relation, as in Neo4j and the taxonomy format: REQUIRES, RESPONSIBLE_FOR, ...</summary>
    public static string WireName(RelationKind relation) => relation switch
    {
        RelationKind.Requires => "REQUIRES",
        RelationKind.Uses => "USES",
        RelationKind.ResponsibleFor => "RESPONSIBLE_FOR",
        RelationKind.Supports => "SUPPORTS",
        RelationKind.InCategory => "IN_CATEGORY",
        RelationKind.SubcategoryOf => "SUBCATEGORY_OF",
        RelationKind.RelatedTo => "RELATED_TO",
        _ => throw new ArgumentOutOfRangeException(nameof(relation)),
    };

    public static bool TryParseWireName(string? text, out RelationKind relation)
    {
        // The exact wire names first: imports and data files spell them so, hundreds of thousands of times.
        switch (text)
        {
            case "REQUIRES": relation = RelationKind.Requires; return true;
            case "USES": relation = RelationKind.Uses; return true;
            case "RESPONSIBLE_FOR": relation = RelationKind.ResponsibleFor; return true;
            case "SUPPORTS": relation = RelationKind.Supports; return true;
            case "IN_CATEGORY": relation = RelationKind.InCategory; return true;
            case "SUBCATEGORY_OF": relation = RelationKind.SubcategoryOf; return true;
            case "RELATED_TO": relation = RelationKind.RelatedTo; return true;
        }

        foreach (var candidate in Enum.GetValues<RelationKind>())
        {
            if (string.Equals(WireName(candidate), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                relation = candidate;
                return true;
            }
        }

        relation = default;
        return false;
    }

    /// <summary>
    /// The problems of a link between nodes of the given kinds, as (field, message) pairs: kinds the relation does
    /// not join, weights on relations that carry none, weights outside 0..1.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Problems(GraphLink link, NodeKind fromKind, NodeKind toKind)
    {
        if (link.FromId == link.ToId)
        {
            yield return ("to", $"A node cannot link to itself ('{link.FromId}').");
            yield break;
        }

        // Wrong kinds do not end the list: the weights are the relation's rules whatever the ends, and a misplaced
        // level is a problem of its own that the writer should hear about in the same pass.
        if (!Allows(link.Relation, fromKind, toKind))
        {
            yield return ("relation", $"{WireName(link.Relation)} joins {Describe(link.Relation)}, not {fromKind} '{link.FromId}' -> {toKind} '{link.ToId}'.");
        }

        foreach (var problem in WeightProblems(link.Relation, "importance", link.Importance, HasImportance(link.Relation)))
        {
            yield return problem;
        }

        foreach (var problem in WeightProblems(link.Relation, "level", link.Level, HasLevel(link.Relation)))
        {
            yield return problem;
        }
    }

    /// <summary>Whether <see cref="Problems"/> would report anything; cheap, for the common case of a well-formed link.</summary>
    public static bool HasProblems(GraphLink link, NodeKind fromKind, NodeKind toKind) =>
        link.FromId == link.ToId
        || !Allows(link.Relation, fromKind, toKind)
        || !WeightOk(link.Importance, HasImportance(link.Relation))
        || !WeightOk(link.Level, HasLevel(link.Relation));

    private static bool WeightOk(double? value, bool carries) =>
        value is not { } v || (carries && !double.IsNaN(v) && v >= 0 && v <= 1);

    private static IEnumerable<(string Field, string Message)> WeightProblems(RelationKind relation, string field, double? value, bool carries)
    {
        if (value is null)
        {
            yield break;
        }

        if (!carries)
        {
            yield return (field, $"{WireName(relation)} links carry no {field}.");
        }
        else if (double.IsNaN(value.Value) || value < 0 || value > 1)
        {
            yield return (field, $"The {field} must be between 0 and 1; got {value}.");
        }
    }
}
