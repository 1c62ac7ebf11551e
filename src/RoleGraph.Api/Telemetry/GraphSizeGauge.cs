using System.Diagnostics.Metrics;
using RoleGraph.Core.Model;

namespace RoleGraph.Api.Telemetry;

/// <summary>
/// The graph's size as last read, for the rolegraph.graph.* gauges. An observable gauge is read synchronously by the
/// exporter, so it reports what <see cref="GraphSizeRefresher"/> last read rather than asking a database store then.
/// </summary>
internal sealed class GraphSizeGauge
{
    private volatile Snapshot _current = new(new Dictionary<NodeKind, int>(), 0, 0);

    public long Links => _current.Links;

    public long Revision => _current.Revision;

    public IEnumerable<Measurement<long>> Nodes() =>
        _current.ByKind.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("rolegraph.node.kind", pair.Key.ToString().ToUpperInvariant())));

    public void Update(IReadOnlyDictionary<NodeKind, int> byKind, int links, long revision) => _current = new Snapshot(byKind, links, revision);

    private sealed record Snapshot(IReadOnlyDictionary<NodeKind, int> ByKind, int Links, long Revision);
}
