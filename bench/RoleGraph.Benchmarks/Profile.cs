using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Embedded;

namespace RoleGraph.Benchmarks;

/// <summary>
/// Stopwatch breakdowns of the whole-graph paths (mode profile): where the open of a data file and a single write
/// spend their time. Run it under dotnet-trace for the method-level view (docs/benchmarks.md shows how).
/// </summary>
public static class Profile
{
    public static int Run(string dataset, int rounds)
    {
        var data = Datasets.Get(dataset);
        var file = DataFiles.Compacted(data);
        Console.WriteLine($"profile {dataset}: {data.Nodes:N0} nodes, {data.Links:N0} links, data file {MemoryProbe.Mb(new FileInfo(file).Length)}");
        for (var round = 1; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var bytes = File.ReadAllBytes(file);
            var read = clock.Elapsed.TotalMilliseconds;
            var stored = BinarySnapshotReader.Read(bytes);
            var decode = clock.Elapsed.TotalMilliseconds;
            var snapshot = GraphSnapshot.Build(stored.Nodes, stored.Links);
            var build = clock.Elapsed.TotalMilliseconds;

            var open = Stopwatch.StartNew();
            using (var store = new EmbeddedGraphStore(new GraphDataFile(file), NullLogger<EmbeddedGraphStore>.Instance))
            {
                store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            var whole = open.Elapsed.TotalMilliseconds;
            Console.WriteLine($"  open, round {round}: read file {read:N0} ms, check and decode the binary snapshot {decode - read:N0} ms, GraphSnapshot.Build {build - decode:N0} ms; EmbeddedGraphStore.InitializeAsync {whole:N0} ms ({snapshot.NodeCount:N0} nodes)");
        }

        // One small write on the in-memory store: plan against the snapshot, derive the next one from it (what
        // ApplyAsync does), and for comparison a whole build of the same graph.
        var (_, memory) = Stores.InMemory(dataset);
        for (var round = 1; round <= rounds; round++)
        {
            var edit = new GraphEdit
            {
                UpsertNodes = [new GraphNode($"profile-skill-{round}", NodeKind.Skill, $"Profile skill {round}", null, [], GraphNode.NoProperties)],
                UpsertLinks = [new GraphLink(data.Roles[0], $"profile-skill-{round}", RelationKind.Requires, 0.5)],
            };
            var clock = Stopwatch.StartNew();
            var plan = GraphEditPlanner.Plan(memory.Snapshot, edit);
            var planned = clock.Elapsed.TotalMilliseconds;
            var derived = memory.Snapshot.Apply(plan.Changes);
            var applied = clock.Elapsed.TotalMilliseconds;
            GraphSnapshot.Build(derived.Nodes, derived.Links);
            var built = clock.Elapsed.TotalMilliseconds;
            var write = Stopwatch.StartNew();
            memory.ApplyAsync(edit, dryRun: false, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"  write, round {round}: plan {planned:N2} ms, GraphSnapshot.Apply {applied - planned:N2} ms (a whole build instead: {built - applied:N0} ms); ApplyAsync (in memory) {write.Elapsed.TotalMilliseconds:N2} ms");
        }

        return 0;
    }
}
