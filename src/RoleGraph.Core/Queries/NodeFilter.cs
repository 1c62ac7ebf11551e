using RoleGraph.Core.Model;

namespace RoleGraph.Core.Queries;

/// <summary>
/// A filter over nodes, like Hot Chocolate's filter inputs: by id and name, by properties, and by the node's links
/// (<see cref="Links"/>: a role's skills with some, all, none, any); And/Or/Not nest. Every part given must hold.
/// </summary>
public sealed record NodeFilter
{
    public StringFilter? Id { get; init; }
    public StringFilter? Name { get; init; }
    public PropertyListFilter? Properties { get; init; }
    public IReadOnlyList<RelationCondition>? Links { get; init; }
    public IReadOnlyList<NodeFilter>? And { get; init; }
    public IReadOnlyList<NodeFilter>? Or { get; init; }
    public NodeFilter? Not { get; init; }

    /// <summary>The same filter with every value lower-cased; <see cref="Matches(string, string, Func{NodeFilter, bool})"/> expects one.</summary>
    public NodeFilter Lowered() => new()
    {
        Id = Id?.Lowered(),
        Name = Name?.Lowered(),
        Properties = Properties?.Lowered(),
        Links = Links?.Select(l => l.Lowered()).ToArray(),
        And = And?.Select(f => f.Lowered()).ToArray(),
        Or = Or?.Select(f => f.Lowered()).ToArray(),
        Not = Not?.Lowered(),
    };

    /// <summary>
    /// Whether some part, at any depth, reads more than the node's id and name (its properties or links), so the
    /// filter must run over a graph rather than over a list of names.
    /// </summary>
    public bool NeedsGraph =>
        Properties is not null || Links is { Count: > 0 }
        || (And?.Any(f => f.NeedsGraph) ?? false) || (Or?.Any(f => f.NeedsGraph) ?? false) || (Not?.NeedsGraph ?? false);

    /// <summary>The relations the filter's link conditions read, at any depth.</summary>
    public IEnumerable<RelationKind> Relations() =>
        (Links ?? []).Select(l => l.Relation)
            .Concat((And ?? []).SelectMany(f => f.Relations()))
            .Concat((Or ?? []).SelectMany(f => f.Relations()))
            .Concat(Not?.Relations() ?? [])
            .Distinct();

    /// <summary>Tests lower-cased id and name against a filter made by <see cref="Lowered"/>; only for one that does not <see cref="NeedsGraph"/>.</summary>
    public bool Matches(string loweredId, string loweredName) => Matches(loweredId, loweredName, NoGraphPart);

    /// <summary>
    /// Tests a node against a filter made by <see cref="Lowered"/>: id and name here, each (sub)filter's properties
    /// and links through <paramref name="graphPart"/>, which the graph's evaluation supplies.
    /// </summary>
    public bool Matches(string loweredId, string loweredName, Func<NodeFilter, bool> graphPart) =>
        (Id is null || Id.Matches(loweredId))
        && (Name is null || Name.Matches(loweredName))
        && ((Properties is null && Links is not { Count: > 0 }) || graphPart(this))
        && (And is null || And.All(f => f.Matches(loweredId, loweredName, graphPart)))
        && (Or is null || Or.Count == 0 || Or.Any(f => f.Matches(loweredId, loweredName, graphPart)))
        && (Not is null || !Not.Matches(loweredId, loweredName, graphPart));

    private static readonly Func<NodeFilter, bool> NoGraphPart = f =>
        throw new InvalidOperationException("This filter reads properties or links; evaluate it over a graph (NodeMatcher).");
}
