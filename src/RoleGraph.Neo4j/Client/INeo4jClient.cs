namespace RoleGraph.Neo4j.Client;

/// <summary>
/// The little the store needs from Neo4j: statements run in one transaction per call. Kept this small so the
/// official driver can stand in for our HTTP client wherever the package registry has it.
/// </summary>
public interface INeo4jClient
{
    /// <summary>
    /// Runs the statements in one auto-committed transaction and one round trip (POST /db/{database}/tx/commit),
    /// one result per statement. Transient errors and connection failures are retried with backoff.
    /// </summary>
    Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in an explicit transaction and commits it; on any failure the transaction is
    /// rolled back. The whole unit of work is retried from the start on transient errors, so it must only act
    /// through the transaction it is given.
    /// </summary>
    Task<T> ExecuteWriteAsync<T>(Func<INeo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
