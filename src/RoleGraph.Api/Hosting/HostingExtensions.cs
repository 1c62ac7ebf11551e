namespace RoleGraph.Api.Hosting;

internal static class HostingExtensions
{
    /// <summary>The line that tells a person who just ran the service where it listens; and the schema built while
    /// the service starts rather than in its first request.</summary>
    public static IServiceCollection AddRoleGraphStartupBanner(this IServiceCollection services) =>
        services.AddHostedService<StartupBanner>().AddHostedService<SchemaWarmUp>();

    /// <summary>Liveness (the process answers) and readiness (the store is open and reachable, with the reason when not).</summary>
    public static IEndpointRouteBuilder MapRoleGraphHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });
        return endpoints;
    }
}
