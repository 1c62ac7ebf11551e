using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// Writes a health report as JSON with each check's description, so a 503 from /health/ready says why
/// (Neo4j unreachable, credentials refused) instead of a bare "Unhealthy".
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(
            new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            },
            JsonOptions,
            context.RequestAborted);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
