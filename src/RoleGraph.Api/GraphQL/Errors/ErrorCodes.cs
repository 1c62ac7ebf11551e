namespace RoleGraph.Api.GraphQL.Errors;

/// <summary>The values of extensions.code that RoleGraph's errors carry.</summary>
internal static class ErrorCodes
{
    /// <summary>A named thing does not exist where it must (field errors on writes and lookups that require it).</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>An argument or variable value is wrong: unknown id, out of range, wrong type.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>The document is not valid GraphQL syntax.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document does not validate against the schema.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>
    /// Which operation to run cannot be told: the request's operationName names no operation of its document, the
    /// document has several operations and the request names none, or it has none.
    /// </summary>
    public const string InvalidOperationName = "INVALID_OPERATION_NAME";

    /// <summary>The HTTP request is not a GraphQL request: malformed JSON, no query, wrong method or media type.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The operation needs credentials and the request has none, or invalid ones.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The credentials are valid but do not allow the operation.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The graph store does not answer (Neo4j down or unreachable); retry later, the service recovers by itself.</summary>
    public const string StoreUnavailable = "STORE_UNAVAILABLE";

    /// <summary>
    /// The graph store is up, but another write held the graph's lock for longer than the write may wait
    /// (Neo4j:LockTimeout); nothing was changed, retry once the other write (an import) has finished.
    /// </summary>
    public const string StoreBusy = "STORE_BUSY";

    /// <summary>The graph store refuses the service's credentials (Neo4j:User, Neo4j:Password).</summary>
    public const string StoreAuthFailed = "STORE_AUTH_FAILED";

    /// <summary>Something failed inside the server; the message says no more outside Development.</summary>
    public const string Internal = "INTERNAL";

    // ---- Automatic persisted queries (Http/AutomaticPersistedQueries.cs) ----------------------------------------

    /// <summary>The request names a persisted query by a hash the server does not hold (HTTP 200, as Apollo's clients expect): send the query with the hash.</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>The request's sha256Hash is not the SHA-256 of its query; nothing is run or kept.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary>Persisted queries are switched off on this server (RoleGraph:Http:PersistedQueries): send the query itself.</summary>
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
}
