using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RoleGraph.Neo4j.Client;

/// <summary>
/// <see cref="INeo4jClient"/> over Neo4j's transactional HTTP API (Neo4j:Api = Http), deprecated since 5.26 and
/// absent on Aura, kept for 5.x servers before 5.25: auto-committed statements in one round trip
/// (POST /db/{database}/tx/commit), explicit transactions at /db/{database}/tx/{id}.
/// </summary>
internal sealed class Neo4jHttpClient : Neo4jClient
{
    private const string TransactionNotFound = "Neo.ClientError.Transaction.TransactionNotFound";

    private readonly Uri _beginUri;
    private readonly Uri _autoCommitUri;

    public Neo4jHttpClient(HttpClient httpClient, IOptions<Neo4jOptions> options, ILogger<Neo4jHttpClient> logger)
        : base(httpClient, (options ?? throw new ArgumentNullException(nameof(options))).Value, logger)
    {
        _beginUri = new Uri($"{DatabaseUri}/tx");
        _autoCommitUri = new Uri($"{_beginUri}/commit");
    }

    protected override Task<IReadOnlyList<CypherResult>> AutoCommitAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken) =>
        RunStatementsAsync(_autoCommitUri, statements, Neo4jRequestKind.Request, cancellationToken);

    protected override async Task<Neo4jOpenTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var begun = await SendAsync(HttpMethod.Post, _beginUri, Neo4jWire.NoStatements, Neo4jRequestKind.Request, null, null, Neo4jTelemetry.Begin, cancellationToken);
        return new Neo4jOpenTransaction(this, TransactionUriOf(begun.Location, begun.Response.Commit));
    }

    internal override Task<IReadOnlyList<CypherResult>> RunInTransactionAsync(
        Neo4jOpenTransaction transaction, IReadOnlyList<CypherStatement> statements, Neo4jRequestKind kind, CancellationToken cancellationToken) =>
        RunStatementsAsync(transaction.Uri!, statements, kind, cancellationToken);

    protected override async Task CommitAsync(Neo4jOpenTransaction transaction, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, new Uri($"{transaction.Uri}/commit"), Neo4jWire.NoStatements, Neo4jRequestKind.Statement, null, null, Neo4jTelemetry.Commit,
            cancellationToken);

    protected override async Task RollBackOnceAsync(Neo4jOpenTransaction transaction) =>
        await SendAsync(HttpMethod.Delete, transaction.Uri!, null, Neo4jRequestKind.Request, null, null, Neo4jTelemetry.Rollback, CancellationToken.None);

    protected override bool IsTransactionGone(Neo4jException exception) =>
        exception is Neo4jClientException && exception.Code is TransactionNotFound or "HTTP 404";

    protected override string ApiName => "HTTP API";

    protected override Task<Neo4jResponse> ReadBodyAsync(Stream body, CancellationToken cancellationToken) => Neo4jWire.ReadAsync(body, cancellationToken);

    private async Task<IReadOnlyList<CypherResult>> RunStatementsAsync(Uri uri, IReadOnlyList<CypherStatement> statements, Neo4jRequestKind kind, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(HttpMethod.Post, uri, Neo4jWire.WriteStatements(statements), kind, null, statements, Neo4jTelemetry.Commit, cancellationToken);
        if (reply.Response.Results.Count != statements.Count)
        {
            throw new Neo4jException(
                "Neo.DatabaseError.General.UnknownError",
                $"POST {uri} returned {reply.Response.Results.Count} results for {statements.Count} statements.");
        }

        return reply.Response.Results;
    }

    /// <summary>
    /// The transaction URI is rebuilt from the id in the server's Location (or commit) URI on the configured server,
    /// so requests, and the credentials with them, go only where the options say even when the server names itself
    /// differently (a mapped port, a proxy).
    /// </summary>
    private Uri TransactionUriOf(Uri? location, string? commit)
    {
        string? path = null;
        if (location is not null)
        {
            path = (location.IsAbsoluteUri ? location : new Uri(_beginUri, location)).AbsolutePath;
        }
        else if (commit is not null && Uri.TryCreate(commit, UriKind.Absolute, out var commitUri)
            && commitUri.AbsolutePath.EndsWith("/commit", StringComparison.Ordinal))
        {
            path = commitUri.AbsolutePath[..^"/commit".Length];
        }

        var id = path?.TrimEnd('/') is { } trimmed ? trimmed[(trimmed.LastIndexOf('/') + 1)..] : null;
        if (string.IsNullOrEmpty(id) || id == "tx")
        {
            throw new Neo4jException(
                "Neo.DatabaseError.General.UnknownError",
                $"POST {_beginUri} opened no transaction Neo4j named (Location '{location}', commit '{commit}').");
        }

        return new Uri($"{_beginUri}/{id}");
    }
}
