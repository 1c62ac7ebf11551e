using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>
/// One field of an <see cref="ObjectPlan"/>: a scalar or enum read by a plain accessor, an object read by one (with
/// its own plan), or __typename (a constant for an object type). <see cref="Slot"/> is where its value sits among the
/// object's slots.
/// </summary>
internal sealed class PlannedField
{
    public required string ResponseName { get; init; }

    public required int Slot { get; init; }

    /// <summary>Null for __typename, whose value is <see cref="TypeName"/>.</summary>
    public PlainAccessor? Accessor { get; init; }

    /// <summary>The leaf type whose Serialize GraphQL.NET would call; null for objects and __typename.</summary>
    public ScalarGraphType? Scalar { get; init; }

    /// <summary>The plan of an object-typed field; null for leaves.</summary>
    public ValuePlan? Object { get; init; }

    public bool NonNull { get; init; }

    public string? TypeName { get; init; }
}
