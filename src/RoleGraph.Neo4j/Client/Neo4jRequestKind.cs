namespace RoleGraph.Neo4j.Client;

/// <summary>What a request waits for, which sets its time limit and what running out of it means.</summary>
internal enum Neo4jRequestKind
{
    /// <summary>An auto-commit read, a begin or a rollback: Neo4j:RequestTimeout, a timeout is an outage and retried.</summary>
    Request,

    /// <summary>A statement or the commit of a write transaction: Neo4j:StatementTimeout, a timeout is not retried.</summary>
    Statement,

    /// <summary>A statement waiting for the graph's write lock: Neo4j:LockTimeout, a timeout means the graph is busy.</summary>
    Lock,
}
