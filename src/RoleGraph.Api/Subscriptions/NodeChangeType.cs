using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Core.Changes;

namespace RoleGraph.Api.Subscriptions;

internal sealed class NodeChangeType : ObjectGraphType<NodeChange>
{
    public NodeChangeType()
    {
        Name = "NodeChange";
        Description = "A node a write created, updated or deleted.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The node's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<NodeKindType>>("kind").Description("The node's kind.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ChangeKindType>>("change").Description("What the write did to it.").Resolve(c => c.Source.Change);
    }
}
