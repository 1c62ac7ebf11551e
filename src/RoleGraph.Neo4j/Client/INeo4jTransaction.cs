namespace RoleGraph.Neo4j.Client;

/// <summary>An open explicit transaction; committed or rolled back by the client.</summary>
public interface INeo4jTransaction
{
    /// <summary>Runs statements inside the transaction, one result per statement, each request bounded by Neo4j:StatementTimeout.</summary>
    Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a statement that takes a lock another transaction may hold, bounded by Neo4j:LockTimeout: running out of
    /// it raises <see cref="Neo4jLockTimeoutException"/>, never an outage.
    /// </summary>
    Task<IReadOnlyList<CypherResult>> RunLockingAsync(CypherStatement statement, CancellationToken cancellationToken);
}
