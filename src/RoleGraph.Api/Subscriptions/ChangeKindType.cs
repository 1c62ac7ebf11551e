using GraphQL.Types;
using RoleGraph.Core.Changes;

namespace RoleGraph.Api.Subscriptions;

internal sealed class ChangeKindType : EnumerationGraphType<ChangeKind>
{
    public ChangeKindType()
    {
        Name = "ChangeKind";
        Description = "What a write did to a node or link.";
        Values["CREATED"]!.Description = "It did not exist before the write.";
        Values["UPDATED"]!.Description = "It existed and the write replaced its fields or weights.";
        Values["DELETED"]!.Description = "The write removed it.";
    }
}
