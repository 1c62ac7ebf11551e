using GraphQL.Types;
using RoleGraph.Core.Changes;

namespace RoleGraph.Api.Subscriptions;

/// <summary>The subscription root: live notifications of writes, over GraphQL over Server-Sent Events or graphql-transport-ws.</summary>
internal sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "Live notifications, sent over GraphQL over Server-Sent Events (POST or GET /graphql with Accept: text/event-stream) or over WebSockets with the graphql-transport-ws protocol (/graphql).";
        Field<NonNullGraphType<GraphChangeType>>("graphChanged")
            .Description("One event per write that changes the graph, from the moment of subscribing, in revision order. A subscriber that "
                + "falls RoleGraph:Subscriptions:BufferSize events behind is dropped with a last error SUBSCRIBER_TOO_SLOW.")
            .ResolveStream(context =>
            {
                var feed = context.RequestServices!.GetRequiredService<GraphChangeFeed>();
                return feed.SubscriberCount >= feed.MaxSubscribers
                    ? throw ChangeFeedObservable.LimitReached(feed)
                    : new ChangeFeedObservable(feed, context.RequestServices!.GetRequiredService<WriteAnswers>());
            });
    }
}
