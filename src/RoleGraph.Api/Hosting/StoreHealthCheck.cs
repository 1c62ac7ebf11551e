using Microsoft.Extensions.Diagnostics.HealthChecks;
using RoleGraph.Api.GraphQL.Errors;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// Ready when the store is open and answers; reports what it holds, or why it cannot serve. Outside Development the
/// reason names the kind of failure only: the full message (server address, user) goes to the log, not to whoever
/// can reach the endpoint.
/// </summary>
internal sealed class StoreHealthCheck(IGraphStore store, GraphStoreInitializer initializer, IHostEnvironment environment) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Named after the store that holds the graph, not the telemetry wrapper in front of it.
        var name = (store is Telemetry.ObservedGraphStore observed ? observed.Inner : store).GetType().Name;
        await initializer.WaitForFirstAttemptAsync(cancellationToken);
        if (initializer.NotReadyReason is { } reason)
        {
            return HealthCheckResult.Unhealthy($"{name} is not open: {Describe(reason, initializer.NotReadyCause)}");
        }

        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{name}: {statistics.Nodes} nodes, {statistics.Links} links");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{name} does not answer: {Describe(e.Message, e)}", e);
        }
    }

    private string Describe(string message, Exception? cause) =>
        environment.IsDevelopment() || cause is null
            ? message
            : StoreFaults.CodeOf(cause) switch
            {
                ErrorCodes.StoreAuthFailed => "the store refused the service's credentials (STORE_AUTH_FAILED)",
                ErrorCodes.StoreUnavailable => "the store is out of reach (STORE_UNAVAILABLE)",
                ErrorCodes.StoreBusy => "the store's write lock is held by a long write (STORE_BUSY)",
                _ => "the store failed; see the service log",
            };
}
