using GraphQL.Types;
using Microsoft.Extensions.Options;
using RoleGraph.Core.Changes;

namespace RoleGraph.Api.Subscriptions;

internal sealed class GraphChangeType : ObjectGraphType<GraphChange>
{
    public GraphChangeType(IOptions<SubscriptionOptions> options)
    {
        var maxItems = options.Value.MaxItemsPerEvent;
        Name = "GraphChange";
        Description = "One write that changed the graph, as announced to subscribers of graphChanged.";
        Field<NonNullGraphType<LongGraphType>>("revision")
            .Description("The graph's revision after the write; it grows with every write, so a client can tell whether it has missed one.")
            .Resolve(c => c.Source.Revision);
        Field<NonNullGraphType<BooleanGraphType>>("detailed")
            .Description("Whether nodes and links list what changed. False when the service only saw the revision move (Neo4j written by another "
                + "process): re-read what you show.")
            .Resolve(c => c.Source.Detailed);
        Field<NonNullGraphType<IntGraphType>>("nodeCount").Description("How many nodes the write created, updated or deleted.").Resolve(c => c.Source.Nodes.Count);
        Field<NonNullGraphType<IntGraphType>>("linkCount").Description("How many links the write created, updated or deleted.").Resolve(c => c.Source.Links.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeChangeType>>>>("nodes")
            .Description($"The nodes changed, in the write's order; at most RoleGraph:Subscriptions:MaxItemsPerEvent (1000 unless configured), nodeCount says how many in all.")
            .Resolve(c => c.Source.Nodes.Take(maxItems));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkChangeType>>>>("links")
            .Description($"The links changed, in the write's order; at most RoleGraph:Subscriptions:MaxItemsPerEvent (1000 unless configured), linkCount says how many in all.")
            .Resolve(c => c.Source.Links.Take(maxItems));
    }
}
