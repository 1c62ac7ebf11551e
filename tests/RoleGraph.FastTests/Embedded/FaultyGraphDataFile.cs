using RoleGraph.Core.Editing;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Embedded;

namespace RoleGraph.Tests.Embedded;

/// <summary>A data file whose appends or compactions fail on demand, as a full or failing disk would make them.</summary>
internal sealed class FaultyGraphDataFile(string path) : GraphDataFile(path)
{
    /// <summary>Revisions whose append fails before anything reaches the journal.</summary>
    public HashSet<long> FailAppendOf { get; } = [];

    public bool FailCompaction { get; set; }

    public int AppendCalls { get; private set; }

    public int CompactCalls { get; private set; }

    public override Task AppendAsync(long revision, GraphChangeSet changes, IReadOnlyList<TaxonomyHeader>? sources, CancellationToken cancellationToken)
    {
        AppendCalls++;
        return FailAppendOf.Remove(revision)
            ? Task.FromException(new IOException($"Injected fault appending revision {revision}."))
            : base.AppendAsync(revision, changes, sources, cancellationToken);
    }

    public override Task CompactAsync(StoredGraph graph, CancellationToken cancellationToken)
    {
        CompactCalls++;
        return FailCompaction
            ? Task.FromException(new IOException("Injected fault compacting."))
            : base.CompactAsync(graph, cancellationToken);
    }
}
