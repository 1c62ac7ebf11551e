using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Api.Subscriptions;

namespace RoleGraph.Tests.Operations;

/// <summary>
/// Joining a shared execution that is still subscribing to the change feed: the stream that joins answers its client
/// (SSE headers, or nothing more to wait for on a WebSocket) only once the execution listens, so a write the client
/// makes after seeing its stream open cannot be missed.
/// </summary>
public sealed class SharedSubscriptionJoinTests
{
    [Fact]
    public async Task A_stream_joining_an_execution_that_is_still_subscribing_waits_until_it_listens()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var subscriptions = new SharedSubscriptions(10, services.GetRequiredService<IServiceScopeFactory>(), new GraphQLSerializer());
        var key = SubscriptionKey.Of(new GraphQLRequest { Query = "subscription { graphChanged { revision } }" }, new(), new GraphQLSerializer());
        var source = new SlowToSubscribe();
        using var first = new SubscriberQueue(4, TimeSpan.FromSeconds(1));
        using var second = new SubscriberQueue(4, TimeSpan.FromSeconds(1));

        // The first stream starts the execution, whose subscription to its source is held up.
        var starting = Task.Run(() => subscriptions.JoinAsync(key, first,
            (_, _) => Task.FromResult(new ExecutionResult { Streams = new Dictionary<string, IObservable<ExecutionResult>> { ["graphChanged"] = source } })));
        await source.Subscribing.Task.WaitAsync(SubscriptionServer.Patience, TestContext.Current.CancellationToken);

        // The second stream finds the execution at once (the same key), but does not return while it is not listening.
        var joining = subscriptions.JoinAsync(key, second, (_, _) => throw new InvalidOperationException("a second execution of the same key"));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(joining.IsCompleted, "The stream joined before its execution listened.");
        Assert.Equal(0, subscriptions.ListeningCount);
        Assert.Equal(1, subscriptions.ExecutionCount);

        source.Release.SetResult();
        Assert.Null(await joining.WaitAsync(SubscriptionServer.Patience, TestContext.Current.CancellationToken));
        Assert.Null(await starting.WaitAsync(SubscriptionServer.Patience, TestContext.Current.CancellationToken));
        Assert.Equal(2, subscriptions.ListeningCount);

        // Both streams get the next result of the one execution.
        source.Observer!.OnNext(new ExecutionResult { Executed = true });
        Assert.True(first.Reader.TryRead(out var toFirst));
        Assert.True(second.Reader.TryRead(out var toSecond));
        Assert.Same(toFirst, toSecond);
    }

    /// <summary>A result stream whose Subscribe blocks until released, as a feed subscription under load might.</summary>
    private sealed class SlowToSubscribe : IObservable<ExecutionResult>
    {
        public TaskCompletionSource Subscribing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IObserver<ExecutionResult>? Observer { get; private set; }

        public IDisposable Subscribe(IObserver<ExecutionResult> observer)
        {
            Observer = observer;
            Subscribing.SetResult();
            Release.Task.Wait(SubscriptionServer.Patience);
            return new Unsubscribe();
        }

        private sealed class Unsubscribe : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
