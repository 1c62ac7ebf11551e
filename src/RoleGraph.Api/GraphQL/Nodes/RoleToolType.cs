using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Nodes;

internal sealed class RoleToolType : ObjectGraphType<RoleLink>
{
    public RoleToolType()
    {
        Name = "RoleTool";
        Description = "A role's use of a tool (Role -USES-> Tool), seen from either end.";
        Field<NonNullGraphType<RoleType>>("role").Description("The role that uses the tool.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<ToolType>>("tool").Description("The tool the role uses.").Resolve(c => c.Source.Item);
        Field<FloatGraphType>("importance").Description("How important the tool is to the role, 0..1; null where the taxonomy does not say.").Resolve(c => c.Source.Link.Importance);
    }
}
