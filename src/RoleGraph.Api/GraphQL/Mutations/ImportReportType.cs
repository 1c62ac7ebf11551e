namespace RoleGraph.Api.GraphQL.Mutations;

internal sealed class ImportReportType : ChangeReportType
{
    public ImportReportType()
        : base("ImportReport", "What an import did, or in a dry run would do; importing the same document twice changes nothing the second time.")
    {
    }
}
