using System.Threading.Channels;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// The events waiting for one stream, at most the buffer size, as their JSON (shared with every other stream of the
/// same subscription). The shared execution offers them off the write path; the connection writes
/// them. A connection that falls behind is dropped with the reason, lets go of its subscription at once, and
/// <see cref="GraceExpired"/> fires after the grace period.
/// </summary>
internal sealed class SubscriberQueue(int capacity, TimeSpan grace) : IDisposable
{
    private readonly Channel<byte[]> _channel = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly CancellationTokenSource _grace = new();

    public ChannelReader<byte[]> Reader => _channel.Reader;

    public CancellationToken GraceExpired => _grace.Token;

    public (string Message, string Code)? DropReason { get; private set; }

    /// <summary>The membership feeding this queue: let go of at once on a drop, and when the connection ends.</summary>
    public IDisposable? Upstream
    {
        get;
        set
        {
            field = value;
            if (DropReason is not null)
            {
                value?.Dispose();
            }
        }
    }

    /// <summary>Queues an event; a full queue drops this connection (and only it).</summary>
    public void Offer(byte[] message)
    {
        if (!_channel.Writer.TryWrite(message))
        {
            Fail($"The subscriber fell {capacity} events behind (RoleGraph:Subscriptions:BufferSize) and was dropped; subscribe again and re-read.",
                SubscriptionCodes.TooSlow);
        }
    }

    /// <summary>Ends the stream with an error event: the connection was dropped, or the source failed.</summary>
    public void Fail(string message, string code)
    {
        lock (_channel)
        {
            if (DropReason is not null)
            {
                return;
            }

            DropReason = (message, code);
            _channel.Writer.TryComplete();
            Upstream?.Dispose(); // the subscription and its buffer go now, not when the stuck connection ends
            try
            {
                _grace.CancelAfter(grace);
            }
            catch (ObjectDisposedException)
            {
                // The connection already ended.
            }
        }
    }

    public void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        Upstream?.Dispose();
        _grace.Dispose();
    }
}
