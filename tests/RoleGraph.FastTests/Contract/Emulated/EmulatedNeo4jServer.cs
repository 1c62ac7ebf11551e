using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RoleGraph.Neo4j.Client;

namespace RoleGraph.Tests.Contract.Emulated;

/// <summary>
/// <see cref="CatalogNeo4jEmulator"/> behind Neo4j's two HTTP wire formats, as their manuals document them, so the
/// real clients (<see cref="Neo4jApi"/>) and the store above them run against it unchanged:
/// <list type="bullet">
/// <item>the HTTP API: POST /db/{db}/tx/commit, POST /db/{db}/tx (201, Location), POST /db/{db}/tx/{id},
/// POST /db/{db}/tx/{id}/commit, DELETE /db/{db}/tx/{id}; bodies {"statements": [...]}, answers
/// {"results": [{"columns", "data": [{"row", "meta"}]}], "errors": [...], "commit"}; an unknown transaction is 404
/// Neo.ClientError.Transaction.TransactionNotFound;</item>
/// <item>the Query API: POST /db/{db}/query/v2, POST /db/{db}/query/v2/tx (optionally with the first statement),
/// POST .../tx/{id}, POST .../tx/{id}/commit, DELETE .../tx/{id}; bodies {"statement", "parameters"}, answers
/// 202 {"data": {"fields", "values"}, "bookmarks", "transaction": {"id", "expires"}} or {"errors": [...]}, with a
/// neo4j-cluster-affinity header the client must replay; an unknown transaction is Neo.ClientError.Request.Invalid.</item>
/// </list>
/// A failed statement rolls its transaction back, as Neo4j does. Requests without the expected Basic credentials
/// get 401.
/// </summary>
public sealed class EmulatedNeo4jServer(CatalogNeo4jEmulator emulator, string authorization) : HttpMessageHandler
{
    private const string Affinity = "ZW11bGF0b3I=";

    private readonly ConcurrentDictionary<string, EmulatedTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private int _nextId;

    /// <summary>How many requests each "METHOD path-shape" got (ids replaced by {id}).</summary>
    public IReadOnlyDictionary<string, int> Requests => _requests;

    /// <summary>Requests of the Query API's transactions that lacked the affinity header.</summary>
    public int RequestsWithoutAffinity { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization?.ToString() != authorization)
        {
            return Json(HttpStatusCode.Unauthorized, """{"errors":[{"code":"Neo.ClientError.Security.Unauthorized","message":"Invalid username or password."}]}""");
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var segments = request.RequestUri!.AbsolutePath.Trim('/').Split('/');

        // db/{db}/query/v2[/tx[/{id}[/commit]]] or db/{db}/tx[/commit | /{id}[/commit]]
        if (segments.Length >= 4 && segments[2] == "query" && segments[3] == "v2")
        {
            return await QueryApiAsync(request.Method, segments[4..], body, request.Headers, cancellationToken);
        }

        if (segments.Length >= 3 && segments[2] == "tx")
        {
            return await HttpApiAsync(request.Method, segments[3..], body, cancellationToken);
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    // ---- The HTTP API ------------------------------------------------------------------------------------------

    private async Task<HttpResponseMessage> HttpApiAsync(HttpMethod method, string[] rest, string body, CancellationToken cancellationToken)
    {
        var statements = ParseHttpStatements(body);
        if (method == HttpMethod.Post && rest is ["commit"])
        {
            Count("POST tx/commit");
            var transaction = emulator.Begin();
            return await HttpRunAsync(transaction, statements, commit: true, id: null, cancellationToken);
        }

        if (method == HttpMethod.Post && rest.Length == 0)
        {
            Count("POST tx");
            var id = NewId();
            var transaction = emulator.Begin();
            _transactions[id] = transaction;
            var response = await HttpRunAsync(transaction, statements, commit: false, id, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                response.StatusCode = HttpStatusCode.Created;
                response.Headers.Location = new Uri($"http://localhost:7474/db/neo4j/tx/{id}");
            }

            return response;
        }

        if (rest.Length >= 1 && _transactions.TryGetValue(rest[0], out var open) && !open.Ended)
        {
            if (method == HttpMethod.Delete && rest.Length == 1)
            {
                Count("DELETE tx/{id}");
                _transactions.TryRemove(rest[0], out _);
                open.Rollback();
                return Json(HttpStatusCode.OK, """{"results":[],"errors":[]}""");
            }

            if (method == HttpMethod.Post)
            {
                var commit = rest is [_, "commit"];
                Count(commit ? "POST tx/{id}/commit" : "POST tx/{id}");
                return await HttpRunAsync(open, statements, commit, rest[0], cancellationToken);
            }
        }

        Count($"{method} tx/{{unknown}}");
        return Json(HttpStatusCode.NotFound, HttpError("Neo.ClientError.Transaction.TransactionNotFound", "Unrecognized transaction id. Transaction may have timed out and been rolled back."));
    }

    private async Task<HttpResponseMessage> HttpRunAsync(EmulatedTransaction transaction, IReadOnlyList<WireStatement> statements, bool commit, string? id, CancellationToken cancellationToken)
    {
        IReadOnlyList<CypherResult> results;
        try
        {
            results = await transaction.RunAsync(statements, cancellationToken);
            if (commit)
            {
                transaction.Commit();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            transaction.Rollback();
            return Json(HttpStatusCode.OK, HttpError(CodeOf(exception), exception.Message));
        }
        finally
        {
            if (commit && id is not null)
            {
                _transactions.TryRemove(id, out _);
            }
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var result in results)
            {
                writer.WriteStartObject();
                WriteStrings(writer, "columns", result.Columns);
                writer.WriteStartArray("data");
                foreach (var row in result.Rows)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("row");
                    WriteRow(writer, row);
                    writer.WriteStartArray("meta");
                    foreach (var _ in row)
                    {
                        writer.WriteNullValue();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("errors");
            writer.WriteEndArray();
            if (!commit && id is not null)
            {
                writer.WriteString("commit", $"http://localhost:7474/db/neo4j/tx/{id}/commit");
                writer.WriteStartObject("transaction");
                writer.WriteString("expires", "Thu, 3 Aug 2023 11:45:10 GMT");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Json(HttpStatusCode.OK, Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static WireStatement[] ParseHttpStatements(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("statements", out var statements)
            ? statements.EnumerateArray().Select(WireStatement.Parse).ToArray()
            : [];
    }

    private static string HttpError(string code, string message) =>
        JsonSerializer.Serialize(new { results = Array.Empty<object>(), errors = new[] { new { code, message } } });

    // ---- The Query API -----------------------------------------------------------------------------------------

    private async Task<HttpResponseMessage> QueryApiAsync(
        HttpMethod method, string[] rest, string body, System.Net.Http.Headers.HttpRequestHeaders headers, CancellationToken cancellationToken)
    {
        var statement = ParseQueryStatement(body);
        if (method == HttpMethod.Post && rest.Length == 0)
        {
            Count("POST query/v2");
            if (statement is null)
            {
                return Json(HttpStatusCode.BadRequest, QueryError("Neo.ClientError.Request.Invalid", "No statement."));
            }

            return await QueryRunAsync(emulator.Begin(), statement, commit: true, id: null, cancellationToken);
        }

        if (method == HttpMethod.Post && rest is ["tx"])
        {
            Count("POST query/v2/tx");
            var id = NewId();
            var transaction = emulator.Begin();
            _transactions[id] = transaction;
            return await QueryRunAsync(transaction, statement, commit: false, id, cancellationToken);
        }

        if (rest.Length >= 2 && rest[0] == "tx")
        {
            if (!headers.TryGetValues(Neo4jClient.AffinityHeader, out var affinity) || affinity.FirstOrDefault() != Affinity)
            {
                RequestsWithoutAffinity++;
            }

            if (_transactions.TryGetValue(rest[1], out var open) && !open.Ended)
            {
                if (method == HttpMethod.Delete && rest.Length == 2)
                {
                    Count("DELETE query/v2/tx/{id}");
                    _transactions.TryRemove(rest[1], out _);
                    open.Rollback();
                    return Json(HttpStatusCode.Accepted, """{"bookmarks":[]}""");
                }

                if (method == HttpMethod.Post)
                {
                    var commit = rest is [_, _, "commit"];
                    Count(commit ? "POST query/v2/tx/{id}/commit" : "POST query/v2/tx/{id}");
                    return await QueryRunAsync(open, statement, commit, rest[1], cancellationToken);
                }
            }
        }

        Count($"{method} query/v2/tx/{{unknown}}");
        return Json(
            HttpStatusCode.Accepted,
            QueryError("Neo.ClientError.Request.Invalid", "Transaction with Id was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided."));
    }

    private async Task<HttpResponseMessage> QueryRunAsync(EmulatedTransaction transaction, WireStatement? statement, bool commit, string? id, CancellationToken cancellationToken)
    {
        CypherResult? result = null;
        try
        {
            if (statement is not null)
            {
                result = (await transaction.RunAsync([statement], cancellationToken))[0];
            }

            if (commit)
            {
                transaction.Commit();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            transaction.Rollback();
            if (id is not null)
            {
                _transactions.TryRemove(id, out _);
            }

            // No "transaction" key: the server has closed it.
            return Json(HttpStatusCode.Accepted, QueryError(CodeOf(exception), exception.Message));
        }

        if (commit && id is not null)
        {
            _transactions.TryRemove(id, out _);
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (result is not null)
            {
                writer.WriteStartObject("data");
                WriteStrings(writer, "fields", result.Columns);
                writer.WriteStartArray("values");
                foreach (var row in result.Rows)
                {
                    WriteRow(writer, row);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteStartArray("bookmarks");
            writer.WriteStringValue("FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ");
            writer.WriteEndArray();
            if (!commit && id is not null)
            {
                writer.WriteStartObject("transaction");
                writer.WriteString("id", id);
                writer.WriteString("expires", DateTimeOffset.UtcNow.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        var response = Json(HttpStatusCode.Accepted, Encoding.UTF8.GetString(stream.ToArray()));
        response.Headers.TryAddWithoutValidation(Neo4jClient.AffinityHeader, Affinity);
        return response;
    }

    private static WireStatement? ParseQueryStatement(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("statement", out var text) && text.ValueKind == JsonValueKind.String && text.GetString()!.Length > 0
            ? WireStatement.Parse(document.RootElement)
            : null;
    }

    private static string QueryError(string code, string message) =>
        JsonSerializer.Serialize(new { errors = new[] { new { code, message } } });

    // ---- Shared ------------------------------------------------------------------------------------------------

    /// <summary>A statement the emulator does not model answers as a server error would, so the test sees its message.</summary>
    private static string CodeOf(Exception exception) => exception is Neo4jException { Code.Length: > 0 } neo4j ? neo4j.Code : "Neo.DatabaseError.General.UnknownError";

    private string NewId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private void Count(string shape) => _requests.AddOrUpdate(shape, 1, (_, n) => n + 1);

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteRow(Utf8JsonWriter writer, JsonElement[] row)
    {
        writer.WriteStartArray();
        foreach (var value in row)
        {
            value.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
