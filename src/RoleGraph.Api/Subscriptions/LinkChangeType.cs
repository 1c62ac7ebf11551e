using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Core.Changes;

namespace RoleGraph.Api.Subscriptions;

internal sealed class LinkChangeType : ObjectGraphType<LinkChange>
{
    public LinkChangeType()
    {
        Name = "LinkChange";
        Description = "A link a write created, updated or deleted.";
        Field<NonNullGraphType<IdGraphType>>("fromId").Description("The node the link leaves.").Resolve(c => c.Source.FromId);
        Field<NonNullGraphType<IdGraphType>>("toId").Description("The node the link reaches.").Resolve(c => c.Source.ToId);
        Field<NonNullGraphType<RelationKindType>>("relation").Description("The link's relation.").Resolve(c => c.Source.Relation);
        Field<NonNullGraphType<ChangeKindType>>("change").Description("What the write did to it.").Resolve(c => c.Source.Change);
    }
}
