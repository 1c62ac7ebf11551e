using Microsoft.Extensions.Diagnostics.HealthChecks;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.Hosting;

/// <summary>Ready when the store answers; reports what it holds.</summary>
public sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{store.GetType().Name}: {statistics.Nodes} nodes, {statistics.Links} links");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{store.GetType().Name} does not answer: {e.Message}", e);
        }
    }
}
