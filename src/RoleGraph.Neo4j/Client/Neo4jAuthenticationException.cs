namespace RoleGraph.Neo4j.Client;

/// <summary>The server rejected the credentials or the user's rights (HTTP 401/403, Neo.ClientError.Security.*). Never retried.</summary>
public sealed class Neo4jAuthenticationException : Neo4jException
{
    public Neo4jAuthenticationException()
    {
    }

    public Neo4jAuthenticationException(string message)
        : base(message)
    {
    }

    public Neo4jAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Neo4jAuthenticationException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
