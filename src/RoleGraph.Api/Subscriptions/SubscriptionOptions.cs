namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// Live change notifications, the graphChanged subscription (section RoleGraph:Subscriptions); the ranges each setting
/// may take are checked at start by <see cref="SubscriptionOptionsValidator"/>.
/// </summary>
internal sealed class SubscriptionOptions
{
    public const string SectionName = "RoleGraph:Subscriptions";

    /// <summary>Subscribers the service holds at once; one more is refused with SUBSCRIBER_LIMIT_REACHED.</summary>
    public int MaxSubscribers { get; set; } = 1000;

    /// <summary>Changes queued for one subscriber; a subscriber that falls this far behind is dropped (SUBSCRIBER_TOO_SLOW).</summary>
    public int BufferSize { get; set; } = 64;

    /// <summary>Nodes and links one event lists; the counts still give the whole write.</summary>
    public int MaxItemsPerEvent { get; set; } = 1000;

    /// <summary>How often an idle stream gets an SSE comment, so proxies keep it open and a vanished client is noticed.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a dropped subscriber's connection is given to take its closing events before it is cut.</summary>
    public TimeSpan DropGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Over WebSockets: how long a connection may take to send connection_init before it is closed (4408).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>On Neo4j: how often the graph's revision is read to notice writes of other processes.</summary>
    public TimeSpan Neo4jPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
