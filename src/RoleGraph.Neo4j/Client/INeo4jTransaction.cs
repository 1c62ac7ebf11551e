namespace RoleGraph.Neo4j.Client;

/// <summary>An open explicit transaction (POST /db/{database}/tx, then .../tx/{id}); committed or rolled back by the client.</summary>
public interface INeo4jTransaction
{
    /// <summary>Runs statements inside the transaction, one result per statement.</summary>
    Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);
}
