using System.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Embedded;

namespace RoleGraph.Tests.Embedded;

/// <summary>Tests that start and end the process's no-GC region: nothing else runs beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GcRegionRunsAlone
{
    public const string Name = "GC region (runs alone)";
}

/// <summary>
/// The start's load of a large data file runs without collections (<see cref="LoadCollectionPause"/>): the region
/// opens with the read of a file of 4 MB or more, ends once the store has its graph, and is never left open; a small
/// file, or a second load while one region is open, loads as before.
/// </summary>
[Collection(GcRegionRunsAlone.Name)]
public sealed class LoadCollectionPauseTests : IDisposable
{
    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    [Fact]
    public void A_large_file_pauses_collections_until_disposed_and_a_small_one_does_not()
    {
        using (LoadCollectionPause.Begin(1 << 20))
        {
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        var first = LoadCollectionPause.Begin(5 << 20);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        // A second load meanwhile goes without a region of its own, and ending it leaves the first one's alone.
        LoadCollectionPause.Begin(5 << 20).Dispose();
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        first.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        first.Dispose(); // once only
    }

    [Fact]
    public async Task Opening_a_large_data_file_pauses_collections_from_the_read_to_the_built_graph()
    {
        await WriteLargeDataFileAsync();
        Assert.True(new FileInfo(_data.DataPath).Length >= 4 << 20);

        var dataFile = new GraphDataFile(_data.DataPath);
        using var store = new EmbeddedGraphStore(dataFile, NullLogger<EmbeddedGraphStore>.Instance);
        var reading = dataFile.BeginReading();
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        await reading;
        await store.BeginOpening();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode); // ended by the built graph, before the open

        await store.InitializeAsync(_ct);
        Assert.True(store.OpenedPrebuiltGraph);
        Assert.Equal(Nodes, (await store.GetStatisticsAsync(_ct)).Nodes);
    }

    [Fact]
    public async Task A_read_nobody_builds_ends_its_pause_when_the_data_file_is_disposed()
    {
        await WriteLargeDataFileAsync();
        var dataFile = new GraphDataFile(_data.DataPath);
        await dataFile.BeginReading();
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        dataFile.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    private const int Nodes = 1_500;

    /// <summary>A compacted data file of ~5 MB: nodes with long descriptions.</summary>
    private async Task WriteLargeDataFileAsync()
    {
        using var store = await _data.OpenAsync();
        var description = new string('x', 3_500);
        var nodes = Enumerable.Range(0, Nodes)
            .Select(i => new GraphNode($"skill-{i:D5}", NodeKind.Skill, $"Skill {i}", description, [], GraphNode.NoProperties))
            .ToList();
        await store.ApplyAsync(new GraphEdit { UpsertNodes = nodes }, dryRun: false, _ct);
        await store.WriteSnapshotAsync(_ct);
    }
}
