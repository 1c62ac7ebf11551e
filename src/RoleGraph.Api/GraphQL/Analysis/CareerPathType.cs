using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class CareerPathType : ObjectGraphType<CareerPath>
{
    public CareerPathType()
    {
        Name = "CareerPath";
        Description = "A sequence of roles from one to another in which each step goes to one of the current role's most similar roles.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>>("roles").Description("The roles in order, from the start role to the target.").PlainAccessor(s => s.Roles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CareerStepType>>>>("steps").Description("The moves in order; step i goes from roles[i] to roles[i+1].").PlainAccessor(s => s.Steps);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("The product of the steps' similarity scores: 0..1, 1 for the empty path from a role to itself.").PlainAccessor(s => s.Score);
        Field<NonNullGraphType<IntGraphType>>("length").Description("The number of steps.").PlainAccessor(s => s.Length);
    }
}
