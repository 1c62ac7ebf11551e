using System.Diagnostics.CodeAnalysis;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using RoleGraph.Api.GraphQL.Paging;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.QueryPower;

/// <summary>
/// Adds a <c>...Connection</c> field beside each relation list of a node type (Role.skillsConnection beside
/// Role.skills), as @neo4j/graphql does: the list fields stay as they are, and the connection pages, filters, orders
/// and counts the same links.
/// </summary>
internal static class LinkConnections
{
    public static void AddTo(ObjectGraphType<GraphNode> type, NodeKind kind)
    {
        foreach (var field in LinkFields.Of(kind))
        {
            if (field.ConnectionType is { } connection)
            {
                Add(type, field, connection);
            }
        }
    }

    private static void Add(ObjectGraphType<GraphNode> type, LinkField field, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type connection) =>
        type.Field($"{field.Name}Connection", connection)
            .Description($"A page of {field.Description}, filtered by `where`, ordered by `order` (by default most important first, importance 1 "
                + $"where absent, then by name) and paged with cursors: {PageRequest.DefaultPageSize} per page by default, at most {PageRequest.MaxPageSize}; "
                + "`totalCount` and the importance and level statistics cover every matching link.")
            .Argument<IntGraphType>("first", "Returns the first n links.")
            .Argument<StringGraphType>("after", "Returns the links after the given cursor.")
            .Argument<IntGraphType>("last", "Returns the last n links.")
            .Argument<StringGraphType>("before", "Returns the links before the given cursor.")
            .Argument<LinkFilterInputType>("where", "Filters the links by the far node's id and name and the link's importance and level.")
            .Argument<ListGraphType<NonNullGraphType<LinkSortInputType>>>("order", "Orders the links.")
            .WithComplexityImpact(FilterImpact)
            .Resolve(c =>
            {
                var page = new PageRequest(
                    c.GetArgument<int?>("first"),
                    Cursor.Decode(c.GetArgument<string?>("after"), "after"),
                    c.GetArgument<int?>("last"),
                    Cursor.Decode(c.GetArgument<string?>("before"), "before"));
                var order = c.GetArgument<List<IReadOnlyList<LinkSort>>?>("order")?.SelectMany(o => o).ToArray() ?? [];
                var query = new LinkQuery(field.Relation, field.Direction, field.FarKind, c.GetArgument<LinkFilter?>("where"), order, page);
                return c.RequestServices!.GetRequiredService<LinkPageLoader>().Load(c.FieldAst, c.Source.Id, query);
            });

    /// <summary>A connection costs one object plus one per condition of its filter; its edges and nodes count the page.</summary>
    private static FieldComplexityResult FilterImpact(FieldImpactContext context) =>
        new(context.Configuration.DefaultObjectImpact + FilterCost.Of(context.GetArgument<LinkFilter?>("where")), 1);
}
