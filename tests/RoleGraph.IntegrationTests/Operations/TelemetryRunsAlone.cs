namespace RoleGraph.Tests.Operations;

/// <summary>Tests that read process-wide telemetry (sources and meters are matched by name): nothing else runs beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryRunsAlone
{
    public const string Name = "Telemetry (runs alone)";
}
