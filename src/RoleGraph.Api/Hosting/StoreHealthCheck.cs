using Microsoft.Extensions.Diagnostics.HealthChecks;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.Hosting;

/// <summary>Ready when the store is open and answers; reports what it holds, or why it cannot serve.</summary>
public sealed class StoreHealthCheck(IGraphStore store, GraphStoreInitializer initializer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var name = store.GetType().Name;
        if (initializer.NotReadyReason is { } reason)
        {
            return HealthCheckResult.Unhealthy($"{name} is not open: {reason}");
        }

        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{name}: {statistics.Nodes} nodes, {statistics.Links} links");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{name} does not answer: {e.Message}", e);
        }
    }
}
