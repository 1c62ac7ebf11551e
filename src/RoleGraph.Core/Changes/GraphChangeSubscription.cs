using System.Threading.Channels;

namespace RoleGraph.Core.Changes;

/// <summary>
/// One subscriber of a <see cref="GraphChangeFeed"/>: the changes published since it subscribed, in order, in a buffer
/// of fixed size. When the buffer is full at a publication, the subscriber is dropped: it leaves the feed and its
/// <see cref="Reader"/> ends, after the changes it holds, with <see cref="SubscriberDroppedException"/>. Disposing
/// it leaves the feed and frees the buffer.
/// </summary>
public sealed class GraphChangeSubscription : IDisposable
{
    private readonly GraphChangeFeed _feed;
    private readonly Channel<GraphChange> _buffer;

    internal GraphChangeSubscription(GraphChangeFeed feed, int bufferSize)
    {
        _feed = feed;
        _buffer = Channel.CreateBounded<GraphChange>(new BoundedChannelOptions(bufferSize)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of discarding: the subscriber is dropped.
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public ChannelReader<GraphChange> Reader => _buffer.Reader;

    /// <summary>Why the feed dropped this subscriber, or null while it is subscribed.</summary>
    public string? DropReason { get; private set; }

    public void Dispose()
    {
        _feed.Remove(this);
        _buffer.Writer.TryComplete();
    }

    /// <summary>Queues the change; false (and the subscriber dropped) when its buffer is full.</summary>
    internal bool Offer(GraphChange change)
    {
        if (_buffer.Writer.TryWrite(change))
        {
            return true;
        }

        DropReason = $"The subscriber fell {_feed.BufferSize} changes behind (the buffer of each subscriber) and was dropped; subscribe again and re-read.";
        _feed.Remove(this);
        _buffer.Writer.TryComplete(new SubscriberDroppedException(DropReason));
        return false;
    }
}
