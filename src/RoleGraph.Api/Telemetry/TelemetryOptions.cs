namespace RoleGraph.Api.Telemetry;

/// <summary>OpenTelemetry traces and metrics (section RoleGraph:Telemetry).</summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "RoleGraph:Telemetry";

    /// <summary>
    /// Collect traces and metrics. Null (the default) means: when there is somewhere to send them, i.e. the standard
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set or <see cref="PrometheusEndpoint"/> is on.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Serve the metrics for Prometheus to scrape at /metrics (open to whoever reaches the port: put it behind your network's rules).</summary>
    public bool PrometheusEndpoint { get; set; }

    /// <summary>How often the graph's size gauges are re-read when no write of this process signalled a change.</summary>
    public TimeSpan GraphSizeInterval { get; set; } = TimeSpan.FromSeconds(15);
}
