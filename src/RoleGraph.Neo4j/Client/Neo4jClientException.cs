namespace RoleGraph.Neo4j.Client;

/// <summary>The server refused a statement or request as invalid (Neo.ClientError.*: syntax errors, constraint violations, unknown transactions). Never retried.</summary>
internal sealed class Neo4jClientException : Neo4jException
{
    public Neo4jClientException()
    {
    }

    public Neo4jClientException(string message)
        : base(message)
    {
    }

    public Neo4jClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Neo4jClientException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
