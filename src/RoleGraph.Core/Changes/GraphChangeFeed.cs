namespace RoleGraph.Core.Changes;

/// <summary>
/// Fans each published <see cref="GraphChange"/> out to a bounded number of subscribers, each with a bounded buffer of
/// its own. Publishing only offers the change to every buffer (no waiting, no I/O, no allocation per subscriber), so
/// a store can call it inside its write path; a subscriber whose buffer is full is dropped on the spot, with the
/// reason, instead of holding anything up.
/// </summary>
public sealed class GraphChangeFeed(int maxSubscribers, int bufferSize) : IGraphChangeSink
{
    private readonly Lock _gate = new();
    private volatile GraphChangeSubscription[] _subscribers = [];
    private long _dropped;

    public int MaxSubscribers { get; } = maxSubscribers > 0 ? maxSubscribers : throw new ArgumentOutOfRangeException(nameof(maxSubscribers));

    public int BufferSize { get; } = bufferSize > 0 ? bufferSize : throw new ArgumentOutOfRangeException(nameof(bufferSize));

    /// <summary>Subscribers now registered.</summary>
    public int SubscriberCount => _subscribers.Length;

    /// <summary>Subscribers dropped for a full buffer since the feed was created.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>The revision of the last change published, or -1 before the first.</summary>
    public long LastRevision { get; private set; } = -1;

    /// <summary>Raised after each publication, on the publisher's thread: for cheap bookkeeping only (metrics).</summary>
    public event Action<GraphChange>? Published;

    /// <summary>A new subscriber, or null when <see cref="MaxSubscribers"/> are already registered.</summary>
    public GraphChangeSubscription? TrySubscribe()
    {
        lock (_gate)
        {
            if (_subscribers.Length >= MaxSubscribers)
            {
                return null;
            }

            var subscription = new GraphChangeSubscription(this, BufferSize);
            _subscribers = [.. _subscribers, subscription];
            return subscription;
        }
    }

    public void Publish(GraphChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        LastRevision = change.Revision;
        foreach (var subscriber in _subscribers)
        {
            if (!subscriber.Offer(change))
            {
                Interlocked.Increment(ref _dropped);
            }
        }

        Published?.Invoke(change);
    }

    internal void Remove(GraphChangeSubscription subscription)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, subscription);
            if (index >= 0)
            {
                _subscribers = [.. _subscribers[..index], .. _subscribers[(index + 1)..]];
            }
        }
    }
}
