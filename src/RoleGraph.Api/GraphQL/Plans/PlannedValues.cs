namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>What a <see cref="ListPlan"/> read from a list: <see cref="Count"/> items of the plan's slots each.</summary>
internal sealed record PlannedValues(object?[] Values, int Count);
