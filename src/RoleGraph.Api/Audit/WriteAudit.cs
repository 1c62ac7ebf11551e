using System.Buffers;
using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;

namespace RoleGraph.Api.Audit;

/// <summary>
/// The audit trail: every write that changed the graph, once, as a structured event under the log category
/// <see cref="Category"/> and, when RoleGraph:Audit:File is set, as a JSON line in that file. Who (the API key's name
/// or the token's subject, never a secret), what (the GraphQL operation, the ids written, the counts), when, and the
/// request and trace ids that tie it to the request's log lines and spans.
/// </summary>
internal sealed partial class WriteAudit : IDisposable
{
    public const string Category = "RoleGraph.Audit";

    /// <summary>Lines are read by people and log tools, never inlined in HTML: keep "->" and quotes readable.</summary>
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IHttpContextAccessor _http;
    private readonly ILogger _logger;
    private readonly int _maxIds;
    private readonly Lock _fileGate = new();
    private readonly StreamWriter? _file;

    public WriteAudit(IHttpContextAccessor http, ILoggerFactory loggers, IOptions<AuditOptions> options)
    {
        _http = http;
        _logger = loggers.CreateLogger(Category);
        _maxIds = Math.Max(0, options.Value.MaxIds);
        if (!string.IsNullOrWhiteSpace(options.Value.File))
        {
            var path = Path.GetFullPath(options.Value.File);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        }
    }

    public void Written(GraphEdit edit, EditReport report)
    {
        var context = _http.HttpContext;
        var actor = Actor(context?.User);
        var operation = context?.Items.TryGetValue(AuditedOperation.ItemKey, out var name) == true ? name as string ?? "write" : "write";
        var ids = Ids(edit);
        var requestId = context?.TraceIdentifier ?? "-";
        var traceId = Activity.Current?.TraceId.ToString() ?? "-";
        LogWrite(_logger, actor, operation, report.Nodes.Created, report.Nodes.Updated, report.Nodes.Deleted,
            report.Links.Created, report.Links.Updated, report.Links.Deleted, ids, requestId, traceId);
        if (_file is not null)
        {
            var line = Line(actor, operation, report, ids, requestId, traceId);
            lock (_fileGate)
            {
                _file.WriteLine(line);
            }
        }
    }

    public void Dispose() => _file?.Dispose();

    /// <summary>One line of the audit file, written field by field (no serializer reflecting over a type at run time).</summary>
    private static string Line(string actor, string operation, EditReport report, string[] ids, string requestId, string traceId)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, LineOptions))
        {
            json.WriteStartObject();
            json.WriteString("at", DateTimeOffset.UtcNow);
            json.WriteString("actor", actor);
            json.WriteString("operation", operation);
            Counts(json, "nodes", report.Nodes);
            Counts(json, "links", report.Links);
            json.WriteStartArray("ids");
            foreach (var id in ids)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteString("requestId", requestId);
            json.WriteString("traceId", traceId);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Counts(Utf8JsonWriter json, string name, ChangeCounts counts)
    {
        json.WriteStartObject(name);
        json.WriteNumber("created", counts.Created);
        json.WriteNumber("updated", counts.Updated);
        json.WriteNumber("deleted", counts.Deleted);
        json.WriteEndObject();
    }

    /// <summary>The API key's name or the token's subject (or client id); never the key or token.</summary>
    private static string Actor(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return "anonymous";
        }

        var subject = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return identity.AuthenticationType == Security.ApiKeyAuthenticationHandler.SchemeName
            ? "key:" + identity.Name
            : "token:" + (subject ?? user.FindFirst("client_id")?.Value ?? identity.Name ?? "unknown");
    }

    /// <summary>The ids the edit names (nodes, then links as from-RELATION->to), the first RoleGraph:Audit:MaxIds of them.</summary>
    private string[] Ids(GraphEdit edit) =>
        edit.UpsertNodes.Select(n => n.Id)
            .Concat(edit.DeleteNodes)
            .Concat(edit.UpsertLinks.Select(l => LinkKey.Of(l).ToString()))
            .Concat(edit.DeleteLinks.Select(k => k.ToString()))
            .Take(_maxIds)
            .ToArray();

    [LoggerMessage(EventId = 1, EventName = "GraphWrite", Level = LogLevel.Information,
        Message = "Write by {Actor}: {Operation}; nodes {NodesCreated} created, {NodesUpdated} updated, {NodesDeleted} deleted; "
            + "links {LinksCreated} created, {LinksUpdated} updated, {LinksDeleted} deleted; ids {Ids}; request {RequestId}, trace {TraceId}")]
    private static partial void LogWrite(ILogger logger, string actor, string operation, int nodesCreated, int nodesUpdated, int nodesDeleted,
        int linksCreated, int linksUpdated, int linksDeleted, string[] ids, string requestId, string traceId);
}
