namespace RoleGraph.Api.Subscriptions;

/// <summary>The error codes of subscriptions (extensions.code).</summary>
internal static class SubscriptionCodes
{
    /// <summary>RoleGraph:Subscriptions:MaxSubscribers streams are open; HTTP 503 with Retry-After.</summary>
    public const string LimitReached = "SUBSCRIBER_LIMIT_REACHED";

    /// <summary>The subscriber fell RoleGraph:Subscriptions:BufferSize changes behind and was dropped (the stream's last event).</summary>
    public const string TooSlow = "SUBSCRIBER_TOO_SLOW";

    /// <summary>A subscription sent without asking for a stream (Accept: text/event-stream).</summary>
    public const string StreamRequired = "SUBSCRIPTION_NEEDS_STREAM";
}
