namespace RoleGraph.Neo4j.Client;

/// <summary>An open explicit transaction at {server}/db/{database}/tx/{id}; the client commits or rolls it back.</summary>
internal sealed class Neo4jHttpTransaction(Neo4jHttpClient client, Uri uri) : INeo4jTransaction
{
    private volatile bool _closed;

    public Uri Uri { get; } = uri;

    public Uri CommitUri { get; } = new($"{uri}/commit");

    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);

        // A transaction kept past its unit of work would run statements outside the commit or retry it belongs to.
        if (_closed)
        {
            throw new InvalidOperationException($"The Neo4j transaction {Uri} is already committed or rolled back; use it only inside its unit of work.");
        }

        return client.RunStatementsAsync(Uri, Neo4jWire.WriteStatements(statements), statements.Count, cancellationToken);
    }

    internal void Close() => _closed = true;
}
