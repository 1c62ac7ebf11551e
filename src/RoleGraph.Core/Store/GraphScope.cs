using RoleGraph.Core.Model;

namespace RoleGraph.Core.Store;

/// <summary>
/// The part of the graph a query reads (<see cref="IGraphStore.ReadAsync"/>). Each case names what its analysis
/// needs, so a database store can fetch exactly that; the embedded store ignores it and hands out the whole graph.
/// </summary>
public abstract record GraphScope
{
    private GraphScope()
    {
    }

    /// <summary>The given nodes with their links of one relation in one direction, and the nodes at the far ends.</summary>
    public sealed record Linked(IReadOnlyCollection<string> Ids, RelationKind Relation, LinkDirection Direction) : GraphScope;

    /// <summary>Every node of the given kinds (all kinds when empty) whose name or alias contains the lower-cased text.</summary>
    public sealed record SearchCandidates(string Text, IReadOnlyCollection<NodeKind> Kinds) : GraphScope;

    /// <summary>The given roles with their skills, tools and responsibilities and the links to them.</summary>
    public sealed record RolesWithItems(IReadOnlyCollection<string> RoleIds) : GraphScope;

    /// <summary>Both ends and every shortest path between them of at most <paramref name="MaxHops"/> links, over the
    /// relations in <paramref name="Via"/> (all when null or empty).</summary>
    public sealed record Paths(string FromId, string ToId, int MaxHops, IReadOnlyList<RelationKind>? Via) : GraphScope;

    /// <summary>
    /// Every node of <paramref name="Kind"/>, whole, with its links of the given relations in both directions and the
    /// far ends' ids, kinds and names: what a list filtered by links (skills in a category) evaluates.
    /// </summary>
    public sealed record KindWithLinks(NodeKind Kind, IReadOnlyCollection<RelationKind> Relations) : GraphScope;

    /// <summary>
    /// Every role with its skills, tools and responsibilities, whole, and the links to them: all that similarity and
    /// career steps compare (a role's name, aliases and description and its items' text, weights and rarity).
    /// </summary>
    public sealed record RoleContent : GraphScope
    {
        public static readonly RoleContent Instance = new();

        private RoleContent()
        {
        }
    }
}
