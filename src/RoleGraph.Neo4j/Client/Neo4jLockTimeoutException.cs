namespace RoleGraph.Neo4j.Client;

/// <summary>
/// A write waited longer than Neo4j:LockTimeout for the graph's write lock, which another write holds (a long
/// import), or Neo4j's own lock acquisition timeout ran out. The server is up and nothing was changed; not retried,
/// since the other write may run for long.
/// </summary>
public sealed class Neo4jLockTimeoutException : Neo4jException
{
    public Neo4jLockTimeoutException()
    {
    }

    public Neo4jLockTimeoutException(string message)
        : base(message)
    {
    }

    public Neo4jLockTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Neo4jLockTimeoutException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
