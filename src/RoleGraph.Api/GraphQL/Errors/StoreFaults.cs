using RoleGraph.Neo4j.Client;

namespace RoleGraph.Api.GraphQL.Errors;

/// <summary>
/// Failures that mean the store is out of reach rather than that a request or the code is wrong. The service
/// keeps running through them: requests get a store error code, readiness answers 503, and start-up retries.
/// </summary>
internal static class StoreFaults
{
    /// <summary>STORE_AUTH_FAILED or STORE_UNAVAILABLE for an outage, STORE_BUSY for a lock wait that ran out, otherwise null.</summary>
    public static string? CodeOf(Exception? exception) => exception switch
    {
        Neo4jAuthenticationException => ErrorCodes.StoreAuthFailed,
        Neo4jLockTimeoutException => ErrorCodes.StoreBusy,
        Neo4jUnavailableException or Neo4jTransientException or Neo4jCommitUnknownException => ErrorCodes.StoreUnavailable,
        _ => null,
    };

    /// <summary>A fault of the store, not of the request or the code (a busy graph included): expected, never logged as a bug.</summary>
    public static bool IsOutage(Exception exception) => CodeOf(exception) is not null;
}
