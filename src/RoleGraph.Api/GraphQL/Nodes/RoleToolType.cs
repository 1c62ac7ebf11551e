using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Nodes;

internal sealed class RoleToolType : ObjectGraphType<RoleLink>
{
    public RoleToolType()
    {
        Name = "RoleTool";
        Description = "A role's use of a tool (Role -USES-> Tool), seen from either end.";
        Field<NonNullGraphType<RoleType>>("role").Description("The role that uses the tool.").PlainAccessor(l => l.Role);
        Field<NonNullGraphType<ToolType>>("tool").Description("The tool the role uses.").PlainAccessor(l => l.Item);
        Field<FloatGraphType>("importance").Description("How important the tool is to the role, 0..1; null where the taxonomy does not say.").PlainAccessor(l => l.Link.Importance);
    }
}
