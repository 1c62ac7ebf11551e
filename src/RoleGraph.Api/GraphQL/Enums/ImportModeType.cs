using GraphQL.Types;
using RoleGraph.Core.Editing;

namespace RoleGraph.Api.GraphQL.Enums;

internal sealed class ImportModeType : EnumerationGraphType<ImportMode>
{
    public ImportModeType()
    {
        Name = "ImportMode";
        Description = "How an imported taxonomy meets what the graph already holds.";
        Values["MERGE"]!.Description = "Create what is new, update what differs, keep everything else.";
        Values["REPLACE"]!.Description = "Afterwards the graph holds exactly the document: what it no longer has is deleted.";
    }
}
