using System.Runtime;

namespace RoleGraph.Embedded;

/// <summary>
/// Keeps the garbage collector out of the start's load of a large data file: read, decode, build. Everything that load
/// allocates stays alive, so a collection in the middle of it frees nothing and copies what it was just given; on
/// O*NET that was 10 gen0, 5 gen1 and 3 background gen2 collections, with the pages each copy touches, while the
/// first answer waited (docs/benchmarks.md, "Round 9"). One no-GC region, from the read to the built snapshot, and the
/// first collection after it promotes the graph once.
/// </summary>
/// <remarks>
/// The region is the process's: a second store opening meanwhile (tests run many) goes without one, and allocations
/// beyond the budget end it early with an ordinary collection. Small files load without it: starting a region costs
/// a blocking collection of its own.
/// </remarks>
internal sealed class LoadCollectionPause : IDisposable
{
    /// <summary>Below this a load allocates too little for collections to matter.</summary>
    private const long MinimumFileBytes = 4L << 20;

    /// <summary>What the region lets the process allocate: the decoded graph is ~8 times its file, and the host starts alongside.</summary>
    private const long BytesPerFileByte = 16;

    private const long MaximumBudget = 256L << 20;

    private int _ended;

    private LoadCollectionPause(bool started) => _ended = started ? 0 : 1;

    public static LoadCollectionPause Begin(long fileBytes)
    {
        // Asking for a region while one is open ends that one (and throws): another load's region is left alone.
        if (fileBytes < MinimumFileBytes || GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return new LoadCollectionPause(started: false);
        }

        try
        {
            return new LoadCollectionPause(GC.TryStartNoGCRegion(Math.Min(fileBytes * BytesPerFileByte, MaximumBudget)));
        }
        catch (InvalidOperationException)
        {
            return new LoadCollectionPause(started: false); // another load's region opened meanwhile
        }
        catch (ArgumentOutOfRangeException)
        {
            return new LoadCollectionPause(started: false); // more than this GC can set aside (a small heap limit): load as before
        }
    }

    /// <summary>Ends the region when this pause started it and no collection has ended it already; once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0 || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // Ended meanwhile by a collection (the budget outgrown): nothing left to end.
        }
    }
}
