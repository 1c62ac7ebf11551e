namespace RoleGraph.Core.Queries;

/// <summary>A condition on one property of a node: its key and its value, compared case-insensitively.</summary>
public sealed record PropertyFilter
{
    public StringFilter? Key { get; init; }
    public StringFilter? Value { get; init; }

    public PropertyFilter Lowered() => new() { Key = Key?.Lowered(), Value = Value?.Lowered() };

    public bool Matches(string loweredKey, string loweredValue) =>
        (Key is null || Key.Matches(loweredKey)) && (Value is null || Value.Matches(loweredValue));
}
