using GraphQL;
using RoleGraph.Core.Changes;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// The feed as the IObservable a GraphQL.NET subscription field returns: each observer is one feed subscriber,
/// pumped on its own task from its bounded buffer (so the publishing write never runs GraphQL), ended with an error
/// when the feed drops it, and removed from the feed when the observer lets go.
/// </summary>
internal sealed class ChangeFeedObservable(GraphChangeFeed feed) : IObservable<GraphChange>
{
    public IDisposable Subscribe(IObserver<GraphChange> observer)
    {
        if (feed.TrySubscribe() is not { } subscription)
        {
            observer.OnError(LimitReached(feed));
            return Unsubscriber.None;
        }

        var stop = new CancellationTokenSource();
        _ = PumpAsync(subscription, observer, stop.Token);
        return new Unsubscriber(subscription, stop);
    }

    public static ExecutionError LimitReached(GraphChangeFeed feed) =>
        new($"The service already holds {feed.MaxSubscribers} subscribers, the limit (RoleGraph:Subscriptions:MaxSubscribers); try again later.")
        {
            Code = SubscriptionCodes.LimitReached,
        };

    private static async Task PumpAsync(GraphChangeSubscription subscription, IObserver<GraphChange> observer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in subscription.Reader.ReadAllAsync(cancellationToken))
            {
                observer.OnNext(change);
            }

            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The observer let go: nothing more to tell it.
        }
        catch (SubscriberDroppedException e)
        {
            observer.OnError(new ExecutionError(e.Message, e) { Code = SubscriptionCodes.TooSlow });
        }
    }

    private sealed class Unsubscriber(GraphChangeSubscription? subscription, CancellationTokenSource? stop) : IDisposable
    {
        public static readonly Unsubscriber None = new(null, null);

        public void Dispose()
        {
            stop?.Cancel();
            subscription?.Dispose();
            stop?.Dispose();
        }
    }
}
