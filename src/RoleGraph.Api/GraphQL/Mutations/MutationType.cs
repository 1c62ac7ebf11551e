using System.Diagnostics.CodeAnalysis;
using GraphQL;
using GraphQL.Types;
using RoleGraph.Importing.Taxonomy;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Api.GraphQL.Paging;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Api.GraphQL.Mutations;

/// <summary>
/// Writes to the graph. Each mutation is one atomic, durable write: validated like a taxonomy file, refused whole
/// with every problem listed (codes BAD_USER_INPUT or NOT_FOUND, with the argument's path, e.g. input.id), or applied whole.
/// </summary>
internal sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Writes to the role graph. Each is atomic: applied whole, or refused with every problem and nothing changed.";

        Upsert<RoleType>("upsertRole");
        Upsert<SkillType>("upsertSkill");
        Upsert<ToolType>("upsertTool");
        Upsert<ResponsibilityType>("upsertResponsibility");
        Upsert<CategoryType>("upsertCategory");

        Field<ChangeReportType>("deleteNode")
            .Description("Deletes a node. A node with links is refused unless cascade is true, which deletes its links too. An unknown id is NOT_FOUND.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node to delete.")
            .Argument<BooleanGraphType>("cascade", "Also delete the node's links.", a => a.DefaultValue = false)
            .ResolveAsync(async c => await WriteErrors.Guard(c, () => c.Store().ApplyAsync(
                new GraphEdit { DeleteNodes = [c.GetArgument<string>("id")], Cascade = c.GetArgument("cascade", false) }, dryRun: false, c.CancellationToken),
                WriteErrors.DeleteNodeArgumentPath));

        Field<LinkType>("link")
            .Description("Creates or updates the link of a relation between two nodes, with its weights. The relation decides which kinds it may join.")
            .Argument<NonNullGraphType<IdGraphType>>("fromId", "The node the link leaves (e.g. the role of REQUIRES).")
            .Argument<NonNullGraphType<IdGraphType>>("toId", "The node the link reaches.")
            .Argument<NonNullGraphType<RelationKindType>>("relation", "The relation.")
            .Argument<FloatGraphType>("importance", "0..1, on REQUIRES and USES only.")
            .Argument<FloatGraphType>("level", "0..1, on REQUIRES only.")
            .ResolveAsync(async c =>
            {
                var link = new GraphLink(
                    c.GetArgument<string>("fromId"), c.GetArgument<string>("toId"), c.GetArgument<RelationKind>("relation"),
                    c.GetArgument<double?>("importance"), c.GetArgument<double?>("level"));
                return await WriteErrors.Guard(c, async () =>
                {
                    await c.Store().ApplyAsync(new GraphEdit { UpsertLinks = [link] }, dryRun: false, c.CancellationToken);
                    var ends = await c.Store().GetNodesAsync([link.FromId, link.ToId], c.CancellationToken);
                    return new LinkView(ends[link.FromId], ends[link.ToId], link);
                }, WriteErrors.LinkArgumentPath);
            });

        Field<ChangeReportType>("unlink")
            .Description("Deletes the link of a relation between two nodes. A link that does not exist is NOT_FOUND.")
            .Argument<NonNullGraphType<IdGraphType>>("fromId", "The node the link leaves.")
            .Argument<NonNullGraphType<IdGraphType>>("toId", "The node the link reaches.")
            .Argument<NonNullGraphType<RelationKindType>>("relation", "The relation.")
            .ResolveAsync(async c => await WriteErrors.Guard(c, () => c.Store().ApplyAsync(
                new GraphEdit { DeleteLinks = [new LinkKey(c.GetArgument<string>("fromId"), c.GetArgument<string>("toId"), c.GetArgument<RelationKind>("relation"))] },
                dryRun: false, c.CancellationToken),
                WriteErrors.UnlinkArgumentPath));

        Field<ImportReportType>("importTaxonomy")
            .Description("Imports a taxonomy document (format: seed/README.md). Invalid documents change nothing and answer one BAD_USER_INPUT "
                + "error per problem, with extensions line, column and jsonPath. Importing the same document twice changes nothing the second time.")
            .Argument<NonNullGraphType<StringGraphType>>("document", "The taxonomy, as YAML or JSON text.")
            .Argument<NonNullGraphType<TaxonomyFormatType>>("format", "How the document is written.")
            .Argument<ImportModeType>("mode", "MERGE (the default) or REPLACE.", a => a.DefaultValue = ImportMode.Merge)
            .Argument<BooleanGraphType>("dryRun", "Validate and count, but write nothing.", a => a.DefaultValue = false)
            .ResolveAsync(async c => await WriteErrors.Guard(c, () => TaxonomyImporter.ImportAsync(
                c.Store(),
                [("document", c.GetArgument<string>("document"), c.GetArgument<TaxonomyFormat>("format"))],
                c.GetArgument("mode", ImportMode.Merge),
                c.GetArgument("dryRun", false),
                c.CancellationToken),
                // The importer reports a document's problems by their place in it (file, line, jsonPath), not as edit paths.
                editPath => editPath));
    }

    private void Upsert<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TNodeType>(string name)
        where TNodeType : NodeGraphType, IListedNodeType =>
        Field<TNodeType>(name)
            .Description($"Creates the {TNodeType.TypeName.ToLowerInvariant()}, or replaces its fields when the id exists. An id held by another kind is refused.")
            .Argument<NonNullGraphType<NodeInputType>>("input", $"The {TNodeType.TypeName.ToLowerInvariant()}.")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<NodeInput>("input");
                var node = new GraphNode(input.Id, TNodeType.Kind, input.Name.Trim(), string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
                    input.Aliases.Select(a => a.Trim()).ToArray(), input.Properties);
                return await WriteErrors.Guard(c, async () =>
                {
                    await c.Store().ApplyAsync(new GraphEdit { UpsertNodes = [node] }, dryRun: false, c.CancellationToken);
                    return node;
                }, WriteErrors.NodeInputPath);
            });
}
