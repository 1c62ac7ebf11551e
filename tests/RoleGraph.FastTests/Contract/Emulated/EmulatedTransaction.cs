using RoleGraph.Neo4j.Client;

namespace RoleGraph.Tests.Contract.Emulated;

/// <summary>
/// One transaction of <see cref="CatalogNeo4jEmulator"/>: until its first write it reads the latest committed graph
/// (read committed); its first write waits for the writer's turn and copies the latest graph, which the commit
/// publishes. A failing statement rolls it back, as Neo4j does.
/// </summary>
public sealed class EmulatedTransaction
{
    private readonly CatalogNeo4jEmulator _emulator;
    private EmulatedGraph? _working;
    private bool _ended;

    internal EmulatedTransaction(CatalogNeo4jEmulator emulator) => _emulator = emulator;

    public bool Ended => _ended;

    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<WireStatement> statements, CancellationToken cancellationToken)
    {
        if (_ended)
        {
            throw new Neo4jClientException("Neo.ClientError.Transaction.TransactionNotFound", "The transaction has ended.");
        }

        if (_working is null && _emulator.Writes(statements.Select(s => s.Text)))
        {
            await _emulator.WaitToWriteAsync(cancellationToken);
            _working = _emulator.Current.Clone();
        }

        var results = new CypherResult[statements.Count];
        try
        {
            for (var i = 0; i < statements.Count; i++)
            {
                results[i] = _emulator.Run(_working ?? _emulator.Current, statements[i]);
            }
        }
        catch
        {
            Rollback();
            throw;
        }

        return results;
    }

    public void Commit()
    {
        if (_ended)
        {
            throw new Neo4jClientException("Neo.ClientError.Transaction.TransactionNotFound", "The transaction has ended.");
        }

        if (_working is not null)
        {
            _emulator.Publish(_working);
        }

        End();
    }

    public void Rollback()
    {
        if (!_ended)
        {
            End();
        }
    }

    private void End()
    {
        _ended = true;
        if (_working is not null)
        {
            _working = null;
            _emulator.DoneWriting();
        }
    }
}
