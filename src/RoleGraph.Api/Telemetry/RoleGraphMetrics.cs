using System.Diagnostics;
using System.Diagnostics.Metrics;
using RoleGraph.Core.Changes;
using RoleGraph.Core.Editing;

namespace RoleGraph.Api.Telemetry;

/// <summary>
/// RoleGraph's instruments, all on the meter <see cref="RoleGraphTelemetry.Name"/>. Recording costs next to nothing
/// while no exporter listens. Tag values come from fixed sets (codes, operations, kinds) except the GraphQL operation
/// name, which clients choose; the SDK caps every metric at 2000 tag combinations.
/// </summary>
internal sealed class RoleGraphMetrics
{
    private readonly Histogram<double> _operationDuration;
    private readonly Counter<long> _refusals;
    private readonly Histogram<double> _storeDuration;
    private readonly Counter<long> _writes;
    private readonly Counter<long> _itemsChanged;
    private readonly UpDownCounter<long> _subscriptions;
    private readonly Counter<long> _dropped;

    public RoleGraphMetrics(IMeterFactory meters, GraphChangeFeed feed, GraphSizeGauge size)
    {
        var meter = meters.Create(RoleGraphTelemetry.Name);
        _operationDuration = meter.CreateHistogram<double>("rolegraph.graphql.operation.duration", "s",
            "GraphQL operations executed, by operation type, name and outcome (OK or the first error's code).");
        _refusals = meter.CreateCounter<long>("rolegraph.refusals", "{request}",
            "Requests refused by a limit (depth, cost, tokens, timeout, rate, subscribers), by error code.");
        _storeDuration = meter.CreateHistogram<double>("rolegraph.store.operation.duration", "s",
            "Calls of the graph store, by operation, store kind and outcome.");
        _writes = meter.CreateCounter<long>("rolegraph.store.writes", "{write}", "Writes that changed the graph.");
        _itemsChanged = meter.CreateCounter<long>("rolegraph.store.items.changed", "{item}",
            "Nodes and links created, updated or deleted by writes.");
        _subscriptions = meter.CreateUpDownCounter<long>("rolegraph.subscriptions.active", "{subscription}", "Open graphChanged streams.");
        _dropped = meter.CreateCounter<long>("rolegraph.subscriptions.dropped", "{subscription}", "Subscribers dropped, by reason code.");
        meter.CreateObservableGauge("rolegraph.subscriptions.feed_subscribers", () => (long)feed.SubscriberCount, "{subscriber}",
            "Subscribers registered with the change feed: one per distinct subscription executing, shared by all its streams.");
        meter.CreateObservableGauge("rolegraph.graph.nodes", size.Nodes, "{node}", "Nodes in the graph, by kind.");
        meter.CreateObservableGauge("rolegraph.graph.links", () => size.Links, "{link}", "Links in the graph.");
        meter.CreateObservableGauge("rolegraph.graph.revision", () => size.Revision, "{revision}", "The graph's revision.");
    }

    public void Operation(double seconds, string type, string name, string outcome) =>
        _operationDuration.Record(seconds, new TagList
        {
            { "graphql.operation.type", type },
            { "graphql.operation.name", name },
            { "rolegraph.outcome", outcome },
        });

    public void Refused(string code) => _refusals.Add(1, new KeyValuePair<string, object?>("error.code", code));

    public void StoreCall(double seconds, string operation, string kind, string outcome) =>
        _storeDuration.Record(seconds, new TagList
        {
            { "rolegraph.store.operation", operation },
            { "rolegraph.store.kind", kind },
            { "rolegraph.outcome", outcome },
        });

    public void Written(string kind, EditReport report)
    {
        _writes.Add(1, new KeyValuePair<string, object?>("rolegraph.store.kind", kind));
        Changed("node", report.Nodes);
        Changed("link", report.Links);
    }

    public void SubscriptionOpened() => _subscriptions.Add(1);

    public void SubscriptionClosed() => _subscriptions.Add(-1);

    public void SubscriberDropped(string reason) => _dropped.Add(1, new KeyValuePair<string, object?>("rolegraph.reason", reason));

    private void Changed(string item, ChangeCounts counts)
    {
        Add(item, "created", counts.Created);
        Add(item, "updated", counts.Updated);
        Add(item, "deleted", counts.Deleted);
    }

    private void Add(string item, string change, int count)
    {
        if (count > 0)
        {
            _itemsChanged.Add(count, new KeyValuePair<string, object?>("rolegraph.item", item), new KeyValuePair<string, object?>("rolegraph.change", change));
        }
    }
}
