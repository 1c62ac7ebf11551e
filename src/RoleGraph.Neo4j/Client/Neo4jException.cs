namespace RoleGraph.Neo4j.Client;

/// <summary>
/// Neo4j refused or failed a request. <see cref="Code"/> is Neo4j's status code (Neo.ClientError.Statement.SyntaxError)
/// when the server sent one, otherwise a short description of the failure (HTTP 500, ConnectionFailed, Timeout).
/// The message names the endpoint, never the password.
/// </summary>
public class Neo4jException : Exception
{
    public Neo4jException()
        : this("Neo4j request failed.")
    {
    }

    public Neo4jException(string message)
        : this("", message)
    {
    }

    public Neo4jException(string message, Exception innerException)
        : this("", message, innerException)
    {
    }

    public Neo4jException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public string Code { get; }
}
