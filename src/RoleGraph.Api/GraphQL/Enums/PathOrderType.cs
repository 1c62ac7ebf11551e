using GraphQL.Types;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.Enums;

internal sealed class PathOrderType : EnumerationGraphType<PathOrder>
{
    public PathOrderType()
    {
        Name = "PathOrder";
        Description = "How shortest paths of equal length are ordered.";
        Values["RELEVANCE"]!.Description = "Most relevant first: paths through specific items (held by few roles) over heavy links before paths through hubs; ties by node ids.";
        Values["ID"]!.Description = "By the sequence of node ids, then of relations: stable, but says nothing about the paths.";
    }
}
