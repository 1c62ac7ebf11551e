using GraphQL.Types;
using RoleGraph.Core.Editing;

namespace RoleGraph.Api.GraphQL.Mutations;

internal sealed class ChangeCountsType : ObjectGraphType<ChangeCounts>
{
    public ChangeCountsType()
    {
        Name = "ChangeCounts";
        Description = "What a write did (or, in a dry run, would do) to nodes or to links.";
        Field<NonNullGraphType<IntGraphType>>("created").Description("Items that did not exist.").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("Items that existed and differed.").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Description("Items written exactly as they were.").Resolve(c => c.Source.Unchanged);
        Field<NonNullGraphType<IntGraphType>>("deleted").Description("Items removed, cascades and replace-mode removals included.").Resolve(c => c.Source.Deleted);
    }
}
