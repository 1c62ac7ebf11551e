using System.Diagnostics;
using RoleGraph.Api.Audit;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Api.Telemetry;

/// <summary>
/// The service's store as the rest of the service sees it: every call of the chosen store in a span ("store
/// {operation}", with the store kind and the nodes and links read or changed) and the store-duration histogram, and
/// every write that changed the graph counted and written to the audit trail once. Arguments (ids, text) never
/// become tags.
/// </summary>
internal sealed class ObservedGraphStore(IGraphStore inner, string kind, RoleGraphMetrics metrics, WriteAudit audit) : IGraphStore
{
    public IGraphStore Inner => inner;

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<GraphStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        ObserveAsync("statistics", () => inner.GetStatisticsAsync(cancellationToken), static (a, r) => Counts(a, r.Nodes, r.Links));

    public Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ObserveAsync("nodes", () => inner.GetNodesAsync(ids, cancellationToken), static (a, r) => Counts(a, r.Count, 0));

    public Task<IReadOnlyDictionary<string, NodeKind>> GetKindsAsync(IReadOnlyCollection<string>? ids, CancellationToken cancellationToken) =>
        ObserveAsync("kinds", () => inner.GetKindsAsync(ids, cancellationToken), static (a, r) => Counts(a, r.Count, 0));

    public Task<NodePage> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken) =>
        ObserveAsync("page", () => inner.QueryNodesAsync(query, cancellationToken), static (a, r) => Counts(a, r.Nodes.Count, 0));

    public ValueTask<GraphSnapshot> ReadAsync(GraphScope scope, CancellationToken cancellationToken)
    {
        var activity = Start("read");
        var started = Stopwatch.GetTimestamp();
        ValueTask<GraphSnapshot> pending;
        try
        {
            pending = inner.ReadAsync(scope, cancellationToken);
        }
        catch (Exception e)
        {
            Fail(activity, "read", started, e);
            throw;
        }

        if (pending.IsCompletedSuccessfully)
        {
            // The embedded store answers at once: no state machine on the hottest path.
            var graph = pending.Result;
            Counts(activity, graph.NodeCount, graph.LinkCount);
            Succeed(activity, "read", started);
            return new ValueTask<GraphSnapshot>(graph);
        }

        return AwaitReadAsync(pending, activity, started);
    }

    public async Task<EditReport> ApplyAsync(GraphEdit edit, bool dryRun, CancellationToken cancellationToken)
    {
        var operation = dryRun ? "plan" : "write";
        var activity = Start(operation);
        var started = Stopwatch.GetTimestamp();
        EditReport report;
        try
        {
            report = await inner.ApplyAsync(edit, dryRun, cancellationToken);
        }
        catch (Exception e)
        {
            Fail(activity, operation, started, e);
            throw;
        }

        if (activity is not null)
        {
            Counts(activity, report.Nodes.Created + report.Nodes.Updated + report.Nodes.Deleted, report.Links.Created + report.Links.Updated + report.Links.Deleted);
        }

        Succeed(activity, operation, started);
        if (!dryRun && report.Changed)
        {
            metrics.Written(kind, report);
            audit.Written(edit, report);
        }

        return report;
    }

    public Task<TaxonomyDocument> ExportAsync(CancellationToken cancellationToken) =>
        ObserveAsync("export", () => inner.ExportAsync(cancellationToken), static (a, r) => Counts(a, r.Nodes.Count, r.Links.Count));

    public ValueTask<long> GetRevisionAsync(CancellationToken cancellationToken) => inner.GetRevisionAsync(cancellationToken);

    private async Task<T> ObserveAsync<T>(string operation, Func<Task<T>> call, Action<Activity, T> describe)
    {
        // Started before the call, so the store's own spans (Neo4j's HTTP requests) nest under it.
        var activity = Start(operation);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            if (activity is not null)
            {
                describe(activity, result);
            }

            Succeed(activity, operation, started);
            return result;
        }
        catch (Exception e)
        {
            Fail(activity, operation, started, e);
            throw;
        }
    }

    private async ValueTask<GraphSnapshot> AwaitReadAsync(ValueTask<GraphSnapshot> pending, Activity? activity, long started)
    {
        try
        {
            var graph = await pending;
            Counts(activity, graph.NodeCount, graph.LinkCount);
            Succeed(activity, "read", started);
            return graph;
        }
        catch (Exception e)
        {
            Fail(activity, "read", started, e);
            throw;
        }
    }

    private Activity? Start(string operation)
    {
        // Every read passes here: build the span's name only when someone listens, not a string per call.
        if (!RoleGraphTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = RoleGraphTelemetry.Source.StartActivity("store " + operation, ActivityKind.Internal);
        activity?.SetTag("rolegraph.store.operation", operation);
        activity?.SetTag("rolegraph.store.kind", kind);
        return activity;
    }

    private void Succeed(Activity? activity, string operation, long started)
    {
        metrics.StoreCall(Stopwatch.GetElapsedTime(started).TotalSeconds, operation, kind, "OK");
        activity?.Dispose();
    }

    private void Fail(Activity? activity, string operation, long started, Exception e)
    {
        var outcome = e.GetType().Name;
        metrics.StoreCall(Stopwatch.GetElapsedTime(started).TotalSeconds, operation, kind, outcome);
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome);
            activity.SetTag("error.type", e.GetType().FullName);
            activity.Dispose();
        }
    }

    private static void Counts(Activity? activity, int nodes, int links)
    {
        activity?.SetTag("rolegraph.nodes", nodes);
        activity?.SetTag("rolegraph.links", links);
    }
}
