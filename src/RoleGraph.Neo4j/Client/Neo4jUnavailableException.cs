namespace RoleGraph.Neo4j.Client;

/// <summary>The server could not be reached or answered too late: connection failure, request timeout, HTTP 5xx, or a database still unavailable after the retries.</summary>
public sealed class Neo4jUnavailableException : Neo4jException
{
    public Neo4jUnavailableException()
    {
    }

    public Neo4jUnavailableException(string message)
        : base(message)
    {
    }

    public Neo4jUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Neo4jUnavailableException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
