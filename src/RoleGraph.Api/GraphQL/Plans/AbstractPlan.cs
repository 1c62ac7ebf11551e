using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>
/// An interface- or union-typed position: one <see cref="ObjectPlan"/> per possible object type, chosen per object
/// as GraphQL.NET chooses it (the type's ResolveType or IsTypeOf, then the possible-type check).
/// </summary>
internal sealed class AbstractPlan(IAbstractGraphType type, Dictionary<IObjectGraphType, ObjectPlan> plans) : ValuePlan
{
    public override int Slots { get; } = plans.Values.Max(p => p.Slots);

    public override bool TryRead(object source, object?[] values, int offset, ISchema schema) =>
        type.GetObjectType(source, schema) is { } objectType
        && type.IsPossibleType(objectType)
        && plans.TryGetValue(objectType, out var plan)
        && plan.TryRead(source, values, offset, schema);
}
