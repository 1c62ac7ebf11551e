namespace RoleGraph.Neo4j.Client;

/// <summary>
/// An explicit transaction of either API, as the client tracks it: its URI (for the Query API known only once its
/// first statement opened it), and the cluster member it is bound to.
/// </summary>
internal sealed class Neo4jOpenTransaction(Neo4jClient client, Uri? uri) : INeo4jTransaction
{
    private volatile bool _closed;

    /// <summary>{server}/db/{database}/tx/{id} or {server}/db/{database}/query/v2/tx/{id}; null until opened.</summary>
    public Uri? Uri { get; set; } = uri;

    /// <summary>The Query API's neo4j-cluster-affinity header, replayed on every later request of the transaction.</summary>
    public string? Affinity { get; set; }

    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken) =>
        RunAsync(statements, Neo4jRequestKind.Statement, cancellationToken);

    public Task<IReadOnlyList<CypherResult>> RunLockingAsync(CypherStatement statement, CancellationToken cancellationToken) =>
        RunAsync([statement], Neo4jRequestKind.Lock, cancellationToken);

    internal Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, Neo4jRequestKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);

        // A transaction kept past its unit of work would run statements outside the commit or retry it belongs to.
        if (_closed)
        {
            throw new InvalidOperationException($"The Neo4j transaction {Uri} is already committed or rolled back; use it only inside its unit of work.");
        }

        return client.RunInTransactionAsync(this, statements, kind, cancellationToken);
    }

    internal void Close() => _closed = true;
}
