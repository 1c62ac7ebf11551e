using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RoleGraph.Neo4j.Client;

/// <summary>
/// <see cref="INeo4jClient"/> over Neo4j's Query API (Neo4j:Api = Query, the default): on by default since Neo4j
/// 5.25 and the HTTP interface Aura offers. One statement per request: POST /db/{database}/query/v2 runs one in an
/// implicit transaction; an explicit transaction opens with its first statement at .../query/v2/tx, runs more at
/// .../tx/{id}, commits at .../tx/{id}/commit and rolls back with DELETE .../tx/{id}, every request after the first
/// replaying the neo4j-cluster-affinity header (Query API manual, "Run transactions"). Every answer but an
/// authentication failure is HTTP 202, errors in the body. Writes' bookmarks are sent with later transactions,
/// so on a cluster a read after an acknowledged write sees it ("Coordinate transactions").
/// </summary>
internal sealed class Neo4jQueryApiClient : Neo4jClient
{
    private readonly Uri _queryUri;
    private readonly Uri _beginUri;
    private volatile IReadOnlyList<string>? _bookmarks;

    public Neo4jQueryApiClient(HttpClient httpClient, IOptions<Neo4jOptions> options, ILogger<Neo4jQueryApiClient> logger)
        : base(httpClient, (options ?? throw new ArgumentNullException(nameof(options))).Value, logger)
    {
        _queryUri = new Uri($"{DatabaseUri}/query/v2");
        _beginUri = new Uri($"{_queryUri}/tx");
    }

    protected override async Task<IReadOnlyList<CypherResult>> AutoCommitAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 1)
        {
            var reply = await SendAsync(HttpMethod.Post, _queryUri, Neo4jWire.WriteQuery(statements[0], _bookmarks), Neo4jRequestKind.Request, null, statements,
                Neo4jTelemetry.Commit, cancellationToken);
            return [OneResult(reply.Response, _queryUri)];
        }

        // Several statements that must see one state of the graph: one transaction, opened by the first statement.
        var transaction = new Neo4jOpenTransaction(this, null);
        try
        {
            var results = await RunInTransactionAsync(transaction, statements, Neo4jRequestKind.Request, cancellationToken);
            await SendCommitAsync(transaction, Neo4jRequestKind.Request, cancellationToken);
            return results;
        }
        catch
        {
            await RollBackQuietlyAsync(transaction);
            throw;
        }
    }

    /// <summary>Nothing to send yet: the first statement opens the transaction, saving a round trip.</summary>
    protected override Task<Neo4jOpenTransaction> BeginAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new Neo4jOpenTransaction(this, null));

    internal override async Task<IReadOnlyList<CypherResult>> RunInTransactionAsync(
        Neo4jOpenTransaction transaction, IReadOnlyList<CypherStatement> statements, Neo4jRequestKind kind, CancellationToken cancellationToken)
    {
        var results = new CypherResult[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            var opening = transaction.Uri is null;
            var uri = transaction.Uri ?? _beginUri;

            // The opening request may wait for the lock too, so it gets the statement's own time limit.
            var reply = await SendAsync(
                HttpMethod.Post, uri, Neo4jWire.WriteQuery(statements[i], opening ? _bookmarks : null), kind, transaction.Affinity, [statements[i]],
                Neo4jTelemetry.Begin, cancellationToken);
            if (opening)
            {
                transaction.Uri = reply.Response.TransactionId is { Length: > 0 } id
                    ? new Uri($"{_beginUri}/{Uri.EscapeDataString(id)}")
                    : throw new Neo4jException("Neo.DatabaseError.General.UnknownError", $"POST {_beginUri} opened no transaction Neo4j named.");
            }

            transaction.Affinity = reply.Affinity;
            results[i] = OneResult(reply.Response, uri);
        }

        return results;
    }

    protected override Task CommitAsync(Neo4jOpenTransaction transaction, CancellationToken cancellationToken) =>
        SendCommitAsync(transaction, Neo4jRequestKind.Statement, cancellationToken);

    protected override async Task RollBackOnceAsync(Neo4jOpenTransaction transaction) =>
        await SendAsync(HttpMethod.Delete, transaction.Uri!, null, Neo4jRequestKind.Request, transaction.Affinity, null, Neo4jTelemetry.Rollback, CancellationToken.None);

    /// <summary>
    /// After a failed statement the server has closed the transaction, and a rollback answers that no transaction has
    /// that id (Neo.ClientError.Request.Invalid, per "Transaction expiration and keep alive").
    /// </summary>
    protected override bool IsTransactionGone(Neo4jException exception) =>
        exception is Neo4jClientException && exception.Code is "Neo.ClientError.Request.Invalid" or "Neo.ClientError.Transaction.TransactionNotFound" or "HTTP 404";

    protected override string ApiName => "Query API";

    protected override Task<Neo4jResponse> ReadBodyAsync(Stream body, CancellationToken cancellationToken) => Neo4jWire.ReadQueryAsync(body, cancellationToken);

    private async Task SendCommitAsync(Neo4jOpenTransaction transaction, Neo4jRequestKind kind, CancellationToken cancellationToken)
    {
        // A unit of work that ran no statement opened no transaction: nothing to commit.
        if (transaction.Uri is null)
        {
            return;
        }

        var reply = await SendAsync(HttpMethod.Post, new Uri($"{transaction.Uri}/commit"), null, kind, transaction.Affinity, null, Neo4jTelemetry.Commit, cancellationToken);
        if (reply.Response.Bookmarks is { Count: > 0 } bookmarks)
        {
            _bookmarks = bookmarks;
        }
    }

    private async Task RollBackQuietlyAsync(Neo4jOpenTransaction transaction)
    {
        if (transaction.Uri is null)
        {
            return;
        }

        try
        {
            await RollBackOnceAsync(transaction);
        }
        catch (Neo4jException)
        {
            // A read transaction changed nothing; the server drops it after its idle timeout if the rollback was lost.
        }
    }

    private static CypherResult OneResult(Neo4jResponse response, Uri uri) =>
        response.Results.Count == 1
            ? response.Results[0]
            : throw new Neo4jException("Neo.DatabaseError.General.UnknownError", $"POST {uri} returned {response.Results.Count} results for one statement.");
}
