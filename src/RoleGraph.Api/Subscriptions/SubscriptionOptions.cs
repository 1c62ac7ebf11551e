using System.ComponentModel.DataAnnotations;

namespace RoleGraph.Api.Subscriptions;

/// <summary>Live change notifications, the graphChanged subscription (section RoleGraph:Subscriptions).</summary>
internal sealed class SubscriptionOptions
{
    public const string SectionName = "RoleGraph:Subscriptions";

    /// <summary>Subscribers the service holds at once; one more is refused with SUBSCRIBER_LIMIT_REACHED.</summary>
    [Range(1, 1_000_000)]
    public int MaxSubscribers { get; set; } = 1000;

    /// <summary>Changes queued for one subscriber; a subscriber that falls this far behind is dropped (SUBSCRIBER_TOO_SLOW).</summary>
    [Range(1, 100_000)]
    public int BufferSize { get; set; } = 64;

    /// <summary>Nodes and links one event lists; the counts still give the whole write.</summary>
    [Range(0, 1_000_000)]
    public int MaxItemsPerEvent { get; set; } = 1000;

    /// <summary>How often an idle stream gets an SSE comment, so proxies keep it open and a vanished client is noticed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a dropped subscriber's connection is given to take its closing events before it is cut.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DropGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Over WebSockets: how long a connection may take to send connection_init before it is closed (4408).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>On Neo4j: how often the graph's revision is read to notice writes of other processes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan Neo4jPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
