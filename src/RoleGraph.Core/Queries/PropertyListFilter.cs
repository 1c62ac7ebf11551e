namespace RoleGraph.Core.Queries;

/// <summary>
/// A condition on a node's properties as a list of key/value pairs, with the list operations of
/// <see cref="RelationFilter"/>: <c>some: { key: { eq: "jobZone" }, value: { eq: "4" } }</c>.
/// </summary>
public sealed record PropertyListFilter
{
    public PropertyFilter? Some { get; init; }
    public PropertyFilter? All { get; init; }
    public PropertyFilter? None { get; init; }
    public bool? Any { get; init; }

    public PropertyListFilter Lowered() => new() { Some = Some?.Lowered(), All = All?.Lowered(), None = None?.Lowered(), Any = Any };

    public bool Matches(IReadOnlyDictionary<string, string> properties)
    {
        if (Any is { } any && any != properties.Count > 0)
        {
            return false;
        }

        if (Some is null && All is null && None is null)
        {
            return true;
        }

        var some = Some is null;
        foreach (var (key, value) in properties)
        {
            var k = key.ToLowerInvariant();
            var v = value.ToLowerInvariant();
            some |= Some?.Matches(k, v) == true;
            if ((All is not null && !All.Matches(k, v)) || (None is not null && None.Matches(k, v)))
            {
                return false;
            }
        }

        return some;
    }
}
