using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// Writes a health report as JSON with each check's description, so a 503 from /health/ready says why
/// (Neo4j unreachable, credentials refused) instead of a bare "Unhealthy". Written field by field: the published
/// service is compiled ahead of time, with no serializer reflecting over types at run time.
/// </summary>
internal static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
