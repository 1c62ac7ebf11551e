namespace RoleGraph.Core.Queries;

/// <summary>
/// A condition on a node's list of links of one relation, as Hot Chocolate's list filters: <c>some</c> (at least
/// one link matches), <c>all</c> (every link matches; true for an empty list), <c>none</c> (no link matches) and
/// <c>any</c> (the list is non-empty when true, empty when false). Every one given must hold.
/// </summary>
public sealed record RelationFilter
{
    public LinkFilter? Some { get; init; }
    public LinkFilter? All { get; init; }
    public LinkFilter? None { get; init; }
    public bool? Any { get; init; }

    public RelationFilter Lowered() => this with { Some = Some?.Lowered(), All = All?.Lowered(), None = None?.Lowered() };
}
