namespace RoleGraph.Neo4j.Client;

/// <summary>The database could not serve the request right now (Neo.TransientError.*); trying again later may succeed, so the client retries these.</summary>
public sealed class Neo4jTransientException : Neo4jException
{
    public Neo4jTransientException()
    {
    }

    public Neo4jTransientException(string message)
        : base(message)
    {
    }

    public Neo4jTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Neo4jTransientException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
