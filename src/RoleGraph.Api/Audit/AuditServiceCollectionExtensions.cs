using GraphQL.DI;

namespace RoleGraph.Api.Audit;

internal static class AuditServiceCollectionExtensions
{
    /// <summary>The audit trail of writes; the store wrapper (Telemetry/ObservedGraphStore) reports each write to it.</summary>
    public static IServiceCollection AddRoleGraphAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName));
        services.AddHttpContextAccessor();
        services.AddSingleton<WriteAudit>();
        services.AddSingleton<IConfigureExecution, AuditedOperation>();
        return services;
    }
}
