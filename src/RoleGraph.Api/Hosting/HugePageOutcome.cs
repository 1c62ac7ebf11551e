namespace RoleGraph.Api.Hosting;

/// <summary>Whether the heap was advised to use transparent huge pages.</summary>
internal enum HugePageOutcome
{
    /// <summary>The heap's range was advised.</summary>
    Advised,

    /// <summary>The system gives every program huge pages (<c>always</c>): nothing to ask.</summary>
    SystemDecides,

    /// <summary>The system gives none (<c>never</c>), or is not Linux.</summary>
    NotAvailable,

    /// <summary>The setting turned it off.</summary>
    TurnedOff,

    /// <summary>The range was not found or the system refused; the service runs as it would without.</summary>
    Failed,
}
