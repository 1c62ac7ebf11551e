using GraphQL;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Api.GraphQL.Paging;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.QueryPower;

/// <summary>The root field <c>topItems</c>: facets for a search page of roles.</summary>
internal static class TopItemsField
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<TopItemsType>>("topItems")
            .Description("The skills and tools (or responsibilities) most often held among the roles given by `roleIds` and matching `where` "
                + "(each when given; every role when neither is), with counts and importance: facets for a search page.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("roleIds", $"Only these roles, at most {TopItemsQuery.MaxRoleIds}; an unknown id is a BAD_USER_INPUT error.")
            .Argument<FilterInputType<RoleType>>("where", "Only the roles matching this filter.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindType>>>("kinds", "Which of SKILL, TOOL, RESPONSIBILITY to count; SKILL and TOOL when omitted.")
            .Argument<IntGraphType>("first", $"How many items at most, 1..{TopItemsQuery.MaxFirst}.", a => a.DefaultValue = TopItemsQuery.DefaultFirst)
            .WithComplexityImpact(FilterCost.OfList)
            .ResolveAsync(async c => await c.Queries().TopItemsAsync(
                new TopItemsQuery(
                    c.GetArgument<List<string>?>("roleIds"),
                    c.GetArgument<NodeFilter?>("where"),
                    c.GetArgument<List<NodeKind>?>("kinds"),
                    c.GetArgument("first", TopItemsQuery.DefaultFirst)),
                c.CancellationToken));
}
