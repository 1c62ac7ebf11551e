using GraphQL;
using RoleGraph.Api.GraphQL.Errors;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// One execution of a subscription for every stream with the same <see cref="SubscriptionKey"/>: GraphQL.NET executes
/// the document once per change, the result is serialized once (JSON, UTF-8), and the same bytes are offered to each
/// stream's bounded queue, which frames them for its transport (an SSE event, a graphql-transport-ws message). Ends (leaves the change feed, frees its services) when its last stream leaves.
/// </summary>
internal sealed class SharedSubscription(SubscriptionKey key, AsyncServiceScope scope, CancellationTokenSource stop, IGraphQLTextSerializer serializer)
    : IObserver<ExecutionResult>
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile SubscriberQueue[] _subscribers = [];
    private IDisposable? _upstream;
    private bool _ended;

    public SubscriptionKey Key { get; } = key;

    /// <summary>Streams this execution now feeds.</summary>
    public int SubscriberCount => _subscribers.Length;

    /// <summary>
    /// Completes once the execution listens to the change feed (or has ended): a stream that joins answers its client
    /// only then, so a write made after the client saw the stream open is never missed.
    /// </summary>
    public Task Started => _started.Task;

    /// <summary>Whether the execution listens to the change feed now.</summary>
    public bool Listening => _started.Task.IsCompleted && !Volatile.Read(ref _ended);

    /// <summary>Starts feeding from the execution's result stream (subscribing is what joins the change feed).</summary>
    public void Start(IObservable<ExecutionResult> stream)
    {
        try
        {
            var upstream = stream.Subscribe(this);
            bool ended;
            lock (_gate)
            {
                ended = _ended;
                if (!ended)
                {
                    _upstream = upstream;
                }
            }

            if (ended)
            {
                upstream.Dispose(); // every stream left while subscribing
            }
        }
        finally
        {
            _started.TrySetResult();
        }
    }

    /// <summary>Adds a stream; false once the execution has ended (the caller starts a new one).</summary>
    public bool TryAdd(SubscriberQueue queue)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return false;
            }

            _subscribers = [.. _subscribers, queue];
            return true;
        }
    }

    /// <summary>Removes a stream; true when it was the last, and the execution has then ended (call <see cref="End"/>).</summary>
    public bool Remove(SubscriberQueue queue)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, queue);
            if (index >= 0)
            {
                _subscribers = [.. _subscribers[..index], .. _subscribers[(index + 1)..]];
            }

            if (_subscribers.Length > 0 || _ended)
            {
                return false;
            }

            _ended = true;
            return true;
        }
    }

    /// <summary>Leaves the result stream (and so the change feed) and frees the execution's services; after the last stream left.</summary>
    public void End()
    {
        IDisposable? upstream;
        lock (_gate)
        {
            _ended = true;
            upstream = _upstream;
            _upstream = null;
        }

        upstream?.Dispose();
        _started.TrySetResult(); // an execution that never started (it lost a race to another) releases no one
        stop.Cancel();
        _ = ReleaseAsync();
    }

    public void OnNext(ExecutionResult value)
    {
        var subscribers = _subscribers;
        if (subscribers.Length == 0)
        {
            return;
        }

        var message = ServerSentEvents.Json(serializer, value);
        foreach (var subscriber in subscribers)
        {
            subscriber.Offer(message);
        }
    }

    public void OnError(Exception error)
    {
        // The feed dropped this execution, or the source failed: the reason is each stream's last event.
        var code = error is ExecutionError { Code: { } known } ? known : ErrorCodes.Internal;
        foreach (var subscriber in _subscribers)
        {
            subscriber.Fail(error.Message, code);
        }
    }

    public void OnCompleted()
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Complete();
        }
    }

    private async Task ReleaseAsync()
    {
        await scope.DisposeAsync();
        stop.Dispose();
    }
}
