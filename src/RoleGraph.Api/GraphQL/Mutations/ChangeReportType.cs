using GraphQL.Types;
using RoleGraph.Core.Editing;

namespace RoleGraph.Api.GraphQL.Mutations;

/// <summary>The outcome of a write; named ImportReport for imports and ChangeReport for other writes.</summary>
internal class ChangeReportType : ObjectGraphType<EditReport>
{
    public ChangeReportType()
        : this("ChangeReport", "What a write changed.")
    {
    }

    protected ChangeReportType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<ChangeCountsType>>("nodes").Description("Counts for nodes.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ChangeCountsType>>("links").Description("Counts for links.").Resolve(c => c.Source.Links);
        Field<NonNullGraphType<BooleanGraphType>>("dryRun").Description("True when nothing was written: the counts say what would have happened.").Resolve(c => c.Source.DryRun);
        Field<NonNullGraphType<BooleanGraphType>>("changed").Description("Whether anything was (or would be) created, updated or deleted.").Resolve(c => c.Source.Changed);
    }
}
