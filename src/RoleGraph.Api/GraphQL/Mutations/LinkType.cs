using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Api.GraphQL.Nodes;

namespace RoleGraph.Api.GraphQL.Mutations;

internal sealed class LinkType : ObjectGraphType<LinkView>
{
    public LinkType()
    {
        Name = "Link";
        Description = "A stored link between two nodes.";
        Field<NonNullGraphType<NodeInterface>>("from").Description("The node the link leaves.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<NodeInterface>>("to").Description("The node the link reaches.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<RelationKindType>>("relation").Description("The relation.").Resolve(c => c.Source.Link.Relation);
        Field<FloatGraphType>("importance").Description("Importance, 0..1, on REQUIRES and USES.").Resolve(c => c.Source.Link.Importance);
        Field<FloatGraphType>("level").Description("Level, 0..1, on REQUIRES.").Resolve(c => c.Source.Link.Level);
    }
}
