using System.Diagnostics;

namespace RoleGraph.Api.Telemetry;

/// <summary>The names RoleGraph's own traces and metrics are published under (what a collector subscribes to).</summary>
internal static class RoleGraphTelemetry
{
    /// <summary>The ActivitySource of store calls, and the Meter of every rolegraph.* instrument.</summary>
    public const string Name = "RoleGraph";

    /// <summary>GraphQL.NET's own ActivitySource: one span per GraphQL operation.</summary>
    public const string GraphQLSource = "GraphQL";

    public static readonly ActivitySource Source = new(Name, typeof(RoleGraphTelemetry).Assembly.GetName().Version?.ToString());
}
