using GraphQL;
using RoleGraph.Core.Changes;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// The feed as the IObservable a GraphQL.NET subscription field returns: each observer (one shared execution of a
/// subscription, see <see cref="SharedSubscriptions"/>) is one feed subscriber,
/// pumped on its own task from its bounded buffer (so the publishing write never runs GraphQL; and a change is passed
/// on once the writers' answers are sent, see <see cref="WriteAnswers"/>), ended with an error
/// when the feed drops it, and removed from the feed when the observer lets go.
/// </summary>
internal sealed class ChangeFeedObservable(GraphChangeFeed feed, WriteAnswers writeAnswers) : IObservable<GraphChange>
{
    public IDisposable Subscribe(IObserver<GraphChange> observer)
    {
        if (feed.TrySubscribe() is not { } subscription)
        {
            observer.OnError(LimitReached(feed));
            return Unsubscriber.None;
        }

        var stop = new CancellationTokenSource();
        _ = PumpAsync(subscription, observer, writeAnswers, stop, feed.BufferSize);
        return new Unsubscriber(subscription, stop);
    }

    public static ExecutionError LimitReached(GraphChangeFeed feed) =>
        new($"The service already holds {feed.MaxSubscribers} subscribers, the limit (RoleGraph:Subscriptions:MaxSubscribers); try again later.")
        {
            Code = SubscriptionCodes.LimitReached,
        };

    private static async Task PumpAsync(GraphChangeSubscription subscription, IObserver<GraphChange> observer, WriteAnswers writeAnswers, CancellationTokenSource stop, int bufferSize)
    {
        var cancellationToken = stop.Token;
        try
        {
            await foreach (var change in subscription.Reader.ReadAllAsync(cancellationToken))
            {
                await writeAnswers.WhenSentAsync(cancellationToken);
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
            // The execution itself fell behind the feed (Core's message cannot name the service's setting), which
            // drops its streams just as one stream falling behind its own queue is dropped: say it the same way.
            observer.OnError(new ExecutionError(
                $"The subscriber fell {bufferSize} changes behind (RoleGraph:Subscriptions:BufferSize) and was dropped; subscribe again and re-read.",
                e)
            {
                Code = SubscriptionCodes.TooSlow,
            });
        }
        finally
        {
            subscription.Dispose();
            stop.Dispose();
        }
    }

    /// <summary>Stops the pump and leaves the feed; may be called more than once, from any thread (the observer's own included).</summary>
    private sealed class Unsubscriber(GraphChangeSubscription? subscription, CancellationTokenSource? stop) : IDisposable
    {
        public static readonly Unsubscriber None = new(null, null);

        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                try
                {
                    stop?.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The pump already ended (the feed dropped the subscriber) and disposed it.
                }

                subscription?.Dispose();
            }
        }
    }
}
