namespace RoleGraph.Core.Changes;

/// <summary>Ends the changes of a subscriber the feed dropped because it fell too far behind.</summary>
public sealed class SubscriberDroppedException : Exception
{
    public SubscriberDroppedException()
    {
    }

    public SubscriberDroppedException(string message)
        : base(message)
    {
    }

    public SubscriberDroppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
