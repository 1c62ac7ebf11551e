using GraphQL;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// The open subscription streams: counts them against RoleGraph:Subscriptions:MaxSubscribers, and joins each to the
/// one <see cref="SharedSubscription"/> of its <see cref="SubscriptionKey"/>, so a change costs one GraphQL execution
/// and one serialization per distinct subscription, not per stream.
/// </summary>
internal sealed class SharedSubscriptions(int maxSubscribers, IServiceScopeFactory scopes, IGraphQLTextSerializer serializer)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SubscriptionKey, SharedSubscription> _executions = [];
    private int _subscribers;

    public int MaxSubscribers { get; } = maxSubscribers > 0 ? maxSubscribers : throw new ArgumentOutOfRangeException(nameof(maxSubscribers));

    /// <summary>Streams admitted and not yet ended.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers);

    /// <summary>Distinct subscriptions executing now (one per key with at least one stream).</summary>
    public int ExecutionCount
    {
        get
        {
            lock (_gate)
            {
                return _executions.Count;
            }
        }
    }

    /// <summary>
    /// Streams that receive changes now: joined to an execution that listens to the change feed. A stream is admitted
    /// (<see cref="SubscriberCount"/>) a moment before it joins.
    /// </summary>
    public int ListeningCount
    {
        get
        {
            lock (_gate)
            {
                var listening = 0;
                foreach (var execution in _executions.Values)
                {
                    listening += execution.Listening ? execution.SubscriberCount : 0;
                }

                return listening;
            }
        }
    }

    /// <summary>Admits one more stream, or false at the limit; an admitted stream calls <see cref="Release"/> when it ends.</summary>
    public bool TryReserve()
    {
        while (true)
        {
            var now = Volatile.Read(ref _subscribers);
            if (now >= MaxSubscribers)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _subscribers, now + 1, now) == now)
            {
                return true;
            }
        }
    }

    public void Release() => Interlocked.Decrement(ref _subscribers);

    /// <summary>
    /// Joins <paramref name="queue"/> to the execution of <paramref name="key"/>, starting it with
    /// <paramref name="execute"/> (given the execution's own services and lifetime) when there is none. Null once
    /// joined (the queue's Upstream is its membership); otherwise the execution's one result, a subscription that did
    /// not start (a validation error, say), to send as it is.
    /// </summary>
    public async Task<ExecutionResult?> JoinAsync(SubscriptionKey key, SubscriberQueue queue, Func<IServiceProvider, CancellationToken, Task<ExecutionResult>> execute)
    {
        if (TryJoinExisting(key, queue) is { } existing)
        {
            await existing.Started;
            return null;
        }

        var scope = scopes.CreateAsyncScope();
        var stop = new CancellationTokenSource();
        ExecutionResult result;
        try
        {
            result = await execute(scope.ServiceProvider, stop.Token);
        }
        catch
        {
            await scope.DisposeAsync();
            stop.Dispose();
            throw;
        }

        if (result.Streams is not { Count: > 0 } streams)
        {
            await scope.DisposeAsync();
            stop.Dispose();
            return result;
        }

        var created = new SharedSubscription(key, scope, stop, serializer);
        SharedSubscription? raced = null;
        lock (_gate)
        {
            if (_executions.TryGetValue(key, out var other) && other.TryAdd(queue))
            {
                raced = other; // another stream of the same key started first while this one executed
            }
            else
            {
                created.TryAdd(queue);
                _executions[key] = created;
            }
        }

        if (raced is not null)
        {
            created.End(); // never subscribed: nothing joined the feed
            queue.Upstream = new Membership(this, raced, queue);
            await raced.Started;
            return null;
        }

        queue.Upstream = new Membership(this, created, queue);
        created.Start(streams.Values.First());
        return null;
    }

    private SharedSubscription? TryJoinExisting(SubscriptionKey key, SubscriberQueue queue)
    {
        SharedSubscription? existing;
        lock (_gate)
        {
            if (!_executions.TryGetValue(key, out existing) || !existing.TryAdd(queue))
            {
                return null;
            }
        }

        queue.Upstream = new Membership(this, existing, queue);
        return existing;
    }

    private void Leave(SharedSubscription execution, SubscriberQueue queue)
    {
        lock (_gate)
        {
            if (!execution.Remove(queue))
            {
                return;
            }

            if (_executions.TryGetValue(execution.Key, out var current) && ReferenceEquals(current, execution))
            {
                _executions.Remove(execution.Key);
            }
        }

        execution.End();
    }

    /// <summary>A stream's place in an execution; disposing it (more than once is fine, from any thread) leaves.</summary>
    private sealed class Membership(SharedSubscriptions owner, SharedSubscription execution, SubscriberQueue queue) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave(execution, queue);
            }
        }
    }
}
