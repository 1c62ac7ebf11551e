using System.Buffers;
using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RoleGraph.Neo4j.Client;

/// <summary>An error entry of a Neo4j HTTP response ({"code": ..., "message": ...}).</summary>
internal readonly record struct Neo4jError(string Code, string Message);

/// <summary>
/// What the client needs from one response of either API: the results, or the first error; the HTTP API's commit
/// URI; the Query API's transaction id and bookmarks.
/// </summary>
internal sealed record Neo4jResponse(IReadOnlyList<CypherResult> Results, Neo4jError? Error, string? Commit, string? TransactionId = null, IReadOnlyList<string>? Bookmarks = null);

/// <summary>
/// The JSON of Neo4j's HTTP transactional API and of its Query API (plain JSON, the default result format: the
/// store reads only strings, numbers, booleans, lists and maps, which it maps without loss; see the Query API
/// manual, "Plain JSON"): request bodies and responses.
/// </summary>
internal static class Neo4jWire
{
    /// <summary>Opens or commits a transaction without running anything.</summary>
    public static ReadOnlyMemory<byte> NoStatements { get; } = "{\"statements\":[]}"u8.ToArray();

    public static ReadOnlyMemory<byte> WriteStatements(IReadOnlyList<CypherStatement> statements)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * (statements.Count + 1));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("statements"u8);
            foreach (var statement in statements)
            {
                writer.WriteStartObject();
                writer.WriteString("statement"u8, statement.Text);
                writer.WritePropertyName("parameters"u8);
                WriteMap(writer, statement.Parameters, null);

                // Rows only: the graph format and the per-row meta are not read, so the server need not build them.
                writer.WriteStartArray("resultDataContents"u8);
                writer.WriteStringValue("row"u8);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>
    /// A Query API request: {"statement": ..., "parameters": {...}, "bookmarks": [...]}, one statement per request
    /// (Query API manual, "Query the database" and "Coordinate transactions").
    /// </summary>
    public static ReadOnlyMemory<byte> WriteQuery(CypherStatement statement, IReadOnlyList<string>? bookmarks)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("statement"u8, statement.Text);
            writer.WritePropertyName("parameters"u8);
            WriteMap(writer, statement.Parameters, null);
            if (bookmarks is { Count: > 0 })
            {
                writer.WriteStartArray("bookmarks"u8);
                foreach (var bookmark in bookmarks)
                {
                    writer.WriteStringValue(bookmark);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>
    /// Reads a Query API response: {"data": {"fields": [...], "values": [[...]]}, "bookmarks": [...],
    /// "transaction": {"id": ..., "expires": ...}} or {"errors": [{"code": ..., "message": ...}]}. A commit or
    /// rollback may answer without data.
    /// </summary>
    public static async Task<Neo4jResponse> ReadQueryAsync(Stream body, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(body, default, cancellationToken);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object, got {root.ValueKind}.");
        }

        var transactionId = root.TryGetProperty("transaction"u8, out var transaction) && transaction.ValueKind == JsonValueKind.Object
            && transaction.TryGetProperty("id"u8, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
        var bookmarks = root.TryGetProperty("bookmarks"u8, out var marks) && marks.ValueKind == JsonValueKind.Array
            ? marks.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToArray()
            : null;

        var error = ReadError(root);
        if (error is not null)
        {
            return new Neo4jResponse([], error, null, transactionId, bookmarks);
        }

        if (!root.TryGetProperty("data"u8, out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return new Neo4jResponse([], null, null, transactionId, bookmarks);
        }

        var dataCopy = data.Clone();
        var columns = dataCopy.TryGetProperty("fields"u8, out var fields) && fields.ValueKind == JsonValueKind.Array
            ? fields.EnumerateArray().Select(f => f.GetString() ?? "").ToArray()
            : Array.Empty<string>();
        var rows = dataCopy.TryGetProperty("values"u8, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(row => row.ValueKind == JsonValueKind.Array ? ReadRow(row) : []).ToArray()
            : Array.Empty<JsonElement[]>();
        return new Neo4jResponse([new CypherResult(columns, rows)], null, null, transactionId, bookmarks);
    }

    /// <param name="parameter">The parameter the map belongs to, for errors; null for the parameters themselves.</param>
    private static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> map, string? parameter)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in map)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value, parameter ?? key);
        }

        writer.WriteEndObject();
    }

    /// <summary>Any other dictionary (a Dictionary&lt;string, string&gt;, say), through its non-generic view.</summary>
    private static void WriteMap(Utf8JsonWriter writer, IDictionary map, string parameter)
    {
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in map)
        {
            writer.WritePropertyName(entry.Key as string ?? throw new NotSupportedException(
                $"Neo4j parameter '{parameter}' holds a map with keys of type {entry.Key.GetType()}; a Cypher map's keys are strings."));
            WriteValue(writer, entry.Value, parameter);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a parameter value as plain JSON, type by type: null, strings, booleans, integers up to 64-bit signed
    /// (Cypher's INTEGER), finite floating-point numbers, maps with string keys, lists, and JSON already built. Maps and
    /// lists are walked here so their members follow the same rules at any depth. Anything else is refused rather than
    /// serialized by reflection: a trimmed, ahead-of-time compiled service cannot count on reflection, and it would only
    /// guess at a Cypher value anyway (an enum as its number, a date as a string Cypher does not see as a date).
    /// </summary>
    /// <remarks>
    /// Neo4j types a JSON number by its text: without a fraction or exponent it is an INTEGER. A whole double goes out
    /// as such (1.0 as 1), so statements that must store a FLOAT convert with toFloat.
    /// </remarks>
    /// <param name="parameter">The parameter the value is, or is inside of, for errors.</param>
    private static void WriteValue(Utf8JsonWriter writer, object? value, string parameter)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case double or float:
                throw new NotSupportedException($"Neo4j parameter '{parameter}' holds {value}, which JSON cannot carry.");
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case short number:
                writer.WriteNumberValue(number);
                break;
            case byte number:
                writer.WriteNumberValue(number);
                break;
            case sbyte number:
                writer.WriteNumberValue(number);
                break;
            case ushort number:
                writer.WriteNumberValue(number);
                break;
            case uint number:
                writer.WriteNumberValue(number);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case IReadOnlyDictionary<string, object?> map:
                WriteMap(writer, map, parameter);
                break;
            case IDictionary<string, object?> map:
                WriteMap(writer, map, parameter);
                break;
            case IDictionary map:
                WriteMap(writer, map, parameter);
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item, parameter);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException(
                    $"Neo4j parameter '{parameter}' holds a {value.GetType()}, which the client does not send: a parameter is null, a string, " +
                    "a boolean, a number, a map with string keys, a list of these, or a JsonElement or JsonNode. Convert it first (an enum to its name, say).");
        }
    }

    /// <summary>
    /// Reads {"results": [{"columns": [...], "data": [{"row": [...], "meta": [...]}]}], "errors": [...], "commit": ...}.
    /// The results are cloned once, as a whole, so the rows outlive the pooled document they were parsed into.
    /// </summary>
    public static async Task<Neo4jResponse> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(body, default, cancellationToken);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object, got {root.ValueKind}.");
        }

        var commit = root.TryGetProperty("commit"u8, out var commitElement) && commitElement.ValueKind == JsonValueKind.String
            ? commitElement.GetString()
            : null;

        var error = ReadError(root);
        if (error is not null)
        {
            return new Neo4jResponse([], error, commit);
        }

        if (!root.TryGetProperty("results"u8, out var resultsElement) || resultsElement.ValueKind != JsonValueKind.Array
            || resultsElement.GetArrayLength() == 0)
        {
            return new Neo4jResponse([], null, commit);
        }

        var resultsCopy = resultsElement.Clone();
        var results = new CypherResult[resultsCopy.GetArrayLength()];
        var index = 0;
        foreach (var result in resultsCopy.EnumerateArray())
        {
            results[index++] = ReadResult(result);
        }

        return new Neo4jResponse(results, null, commit);
    }

    /// <summary>The first error of a response body, if it has one (401s and 404s carry the same shape).</summary>
    public static Neo4jError? ReadError(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors"u8, out var errors)
            || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
        {
            return null;
        }

        var first = errors[0];
        var code = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("code"u8, out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()!
            : "Neo.DatabaseError.General.UnknownError";
        var message = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("message"u8, out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()!
            : first.GetRawText();
        return new Neo4jError(code, message);
    }

    private static CypherResult ReadResult(JsonElement result)
    {
        string[] columns = [];
        if (result.TryGetProperty("columns"u8, out var columnsElement) && columnsElement.ValueKind == JsonValueKind.Array)
        {
            columns = new string[columnsElement.GetArrayLength()];
            var i = 0;
            foreach (var column in columnsElement.EnumerateArray())
            {
                columns[i++] = column.GetString() ?? "";
            }
        }

        JsonElement[][] rows = [];
        if (result.TryGetProperty("data"u8, out var data) && data.ValueKind == JsonValueKind.Array)
        {
            rows = new JsonElement[data.GetArrayLength()][];
            var r = 0;
            foreach (var entry in data.EnumerateArray())
            {
                rows[r++] = entry.TryGetProperty("row"u8, out var row) && row.ValueKind == JsonValueKind.Array ? ReadRow(row) : [];
            }
        }

        return new CypherResult(columns, rows);
    }

    private static JsonElement[] ReadRow(JsonElement row)
    {
        var values = new JsonElement[row.GetArrayLength()];
        var i = 0;
        foreach (var value in row.EnumerateArray())
        {
            values[i++] = value;
        }

        return values;
    }
}
