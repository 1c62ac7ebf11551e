using System.Diagnostics.CodeAnalysis;
using GraphQL;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Analysis;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Api.GraphQL.Paging;
using RoleGraph.Api.GraphQL.QueryPower;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Api.GraphQL;

internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Reads of the role graph: lookups, paged lists, search, and graph analyses between roles.";

        Field<NodeInterface>("node")
            .Description("The node with this id, of any kind; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node's id.")
            .ResolveAsync(async c => await Lookup(c, kind: null));
        NodeById<RoleType>("role");
        NodeById<SkillType>("skill");
        NodeById<ToolType>("tool");
        NodeById<ResponsibilityType>("responsibility");
        NodeById<CategoryType>("category");

        NodeList<RoleType>("roles");
        NodeList<SkillType>("skills");
        NodeList<ToolType>("tools");
        NodeList<ResponsibilityType>("responsibilities");
        NodeList<CategoryType>("categories");

        Field<ListGraphType<NonNullGraphType<SearchHitType>>>("search")
            .Description("Nodes whose name or an alias matches the text, case-insensitively, ranked EXACT > PREFIX > TOKEN > SUBSTRING; "
                + "within a rank a name match beats an alias match, then by name.")
            .Argument<NonNullGraphType<StringGraphType>>("text", "The text to look for; must not be blank.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindType>>>("kinds", "Only nodes of these kinds; all kinds when omitted.")
            .Argument<IntGraphType>("first", "How many results at most, 1..100.", a => a.DefaultValue = SearchQuery.DefaultFirst)
            .ResolveAsync(async c => await c.Queries().SearchAsync(
                new SearchQuery(c.GetArgument<string>("text"), c.GetArgument<List<NodeKind>?>("kinds"), c.GetArgument("first", SearchQuery.DefaultFirst)),
                c.CancellationToken));

        Field<OverlapType>("overlap")
            .Description("What 2 to 10 roles share and what each holds alone. An unknown id is a BAD_USER_INPUT error naming it.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("roleIds", "The roles to compare, 2 to 10 distinct role ids.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindType>>>("kinds", "Which of SKILL, TOOL, RESPONSIBILITY to compare; all three when omitted.")
            .ResolveAsync(async c => await c.Queries().OverlapAsync(
                new OverlapQuery(c.GetArgument<List<string>>("roleIds"), c.GetArgument<List<NodeKind>?>("kinds")), c.CancellationToken));

        Field<ListGraphType<NonNullGraphType<PathType>>>("shortestPaths")
            .Description("The shortest paths between two nodes of any kind, traversing links in either direction, at most `first`, "
                + "most relevant first (through specific items rather than hubs) unless `order` says otherwise. Empty when no path is within maxHops.")
            .Argument<NonNullGraphType<IdGraphType>>("fromId", "The start node.")
            .Argument<NonNullGraphType<IdGraphType>>("toId", "The end node.")
            .Argument<IntGraphType>("maxHops", "The longest path to consider, 1..8.", a => a.DefaultValue = PathQuery.DefaultMaxHops)
            .Argument<ListGraphType<NonNullGraphType<RelationKindType>>>("via", "Only cross links of these relations; all when omitted.")
            .Argument<IntGraphType>("first", "How many paths at most, 1..100.", a => a.DefaultValue = PathQuery.DefaultFirst)
            .Argument<PathOrderType>("order", "How paths of equal length are ordered.", a => a.DefaultValue = PathOrder.Relevance)
            .ResolveAsync(async c => await c.Queries().ShortestPathsAsync(
                new PathQuery(
                    c.GetArgument<string>("fromId"),
                    c.GetArgument<string>("toId"),
                    c.GetArgument("maxHops", PathQuery.DefaultMaxHops),
                    c.GetArgument<List<RelationKind>?>("via"),
                    c.GetArgument("first", PathQuery.DefaultFirst),
                    c.GetArgument("order", PathOrder.Relevance)),
                c.CancellationToken));

        Field<SkillGapType>("skillGap")
            .Description("What moving from one role to another asks for: the target's skills and tools the source lacks, what carries over, and coverage.")
            .Argument<NonNullGraphType<IdGraphType>>("fromRoleId", "The role moved from.")
            .Argument<NonNullGraphType<IdGraphType>>("toRoleId", "The role moved to.")
            .ResolveAsync(async c => await c.Queries().SkillGapAsync(c.GetArgument<string>("fromRoleId"), c.GetArgument<string>("toRoleId"), c.CancellationToken));

        Field<ListGraphType<NonNullGraphType<SimilarRoleType>>>("similarRoles")
            .Description("Roles ranked by similarity of everything the graph holds about them (skills by importance × level, tools by rarity, "
                + "the words of names, aliases, descriptions and responsibilities), best first, then by name, each with the reasons; roles sharing nothing are left out.")
            .Argument<NonNullGraphType<IdGraphType>>("roleId", "The role to compare the others with.")
            .Argument<IntGraphType>("first", "How many roles at most, 1..100.", a => a.DefaultValue = 10)
            .ResolveAsync(async c => await c.Queries().SimilarRolesAsync(c.GetArgument<string>("roleId"), c.GetArgument("first", 10), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CareerPathType>>>>("careerPath")
            .Description("Realistic ways from one role to another: sequences of roles in which each step goes to one of the current role's "
                + "most similar roles, best product of step similarities first, each step with its skill gap. Empty when none is within maxSteps.")
            .Argument<NonNullGraphType<IdGraphType>>("fromRoleId", "The role to start from.")
            .Argument<NonNullGraphType<IdGraphType>>("toRoleId", "The role to reach.")
            .Argument<IntGraphType>("maxSteps", "The most steps a path may take, 1..5.", a => a.DefaultValue = CareerPaths.DefaultMaxSteps)
            .Argument<IntGraphType>("first", "How many paths at most, 1..10.", a => a.DefaultValue = CareerPaths.DefaultFirst)
            .ResolveAsync(async c => await c.Queries().CareerPathsAsync(
                c.GetArgument<string>("fromRoleId"),
                c.GetArgument<string>("toRoleId"),
                c.GetArgument("maxSteps", CareerPaths.DefaultMaxSteps),
                c.GetArgument("first", CareerPaths.DefaultFirst),
                c.CancellationToken));

        TopItemsField.AddTo(this);
        Export();
    }

    private void Export() =>
        Field<NonNullGraphType<StringGraphType>>("exportTaxonomy")
            .Description("The whole graph as a taxonomy document; importing it in REPLACE mode gives the same graph. Sources (with their licences) are kept.")
            .Argument<NonNullGraphType<TaxonomyFormatType>>("format", "YAML or JSON.")
            .ResolveAsync(async c => await TaxonomyWriter.WriteToStringAsync(
                await c.Store().ExportAsync(c.CancellationToken), c.GetArgument<TaxonomyFormat>("format"), c.CancellationToken));

    private void NodeById<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TNodeType>(string name)
        where TNodeType : NodeGraphType, IListedNodeType =>
        Field<TNodeType>(name)
            .Description($"The {TNodeType.TypeName.ToLowerInvariant()} with this id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", $"The {TNodeType.TypeName.ToLowerInvariant()}'s id.")
            .ResolveAsync(async c => await Lookup(c, TNodeType.Kind));

    private void NodeList<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TNodeType>(string name)
        where TNodeType : NodeGraphType, IListedNodeType =>
        Field<NonNullGraphType<ConnectionType<TNodeType>>>(name)
            .Description($"All {TNodeType.ListName.ToLowerInvariant()}, filtered, ordered (by name, then id, unless `order` says otherwise) "
                + $"and paged with cursors: {PageRequest.DefaultPageSize} per page by default, at most {PageRequest.MaxPageSize}.")
            .Argument<IntGraphType>("first", "Returns the first n elements from the list.")
            .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
            .Argument<IntGraphType>("last", "Returns the last n elements from the list.")
            .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.")
            .Argument<FilterInputType<TNodeType>>("where", "Filters the list.")
            .Argument<ListGraphType<NonNullGraphType<SortInputType<TNodeType>>>>("order", "Orders the list.")
            .WithComplexityImpact(FilterCost.OfList)
            .ResolveAsync(async c =>
            {
                var page = new PageRequest(
                    c.GetArgument<int?>("first"),
                    Cursor.Decode(c.GetArgument<string?>("after"), "after"),
                    c.GetArgument<int?>("last"),
                    Cursor.Decode(c.GetArgument<string?>("before"), "before"));
                var order = c.GetArgument<List<IReadOnlyList<NodeSort>>?>("order")?.SelectMany(o => o).ToArray() ?? [];
                var query = new NodeQuery(TNodeType.Kind, c.GetArgument<NodeFilter?>("where"), order, page);
                return await c.Queries().QueryNodesAsync(query, c.CancellationToken);
            });

    private static async Task<GraphNode?> Lookup(IResolveFieldContext c, NodeKind? kind)
    {
        var id = c.GetArgument<string>("id");
        var found = await c.Queries().GetNodesAsync([id], c.CancellationToken);
        return found.TryGetValue(id, out var node) && (kind is null || node.Kind == kind) ? node : null;
    }
}
