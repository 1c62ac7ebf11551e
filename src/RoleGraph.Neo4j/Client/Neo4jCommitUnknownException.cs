namespace RoleGraph.Neo4j.Client;

/// <summary>
/// A commit was sent but its answer never came (timeout, dropped connection, HTTP 5xx): the server may or may not
/// have committed. Never retried, since running the unit of work again could apply it twice; the caller learns
/// that the write is unconfirmed.
/// </summary>
public sealed class Neo4jCommitUnknownException : Neo4jException
{
    public Neo4jCommitUnknownException()
    {
    }

    public Neo4jCommitUnknownException(string message)
        : base(message)
    {
    }

    public Neo4jCommitUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Neo4jCommitUnknownException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
