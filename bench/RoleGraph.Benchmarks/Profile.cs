using System.Diagnostics;
using System.Text.Json;
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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static int Run(string dataset, int rounds)
    {
        var data = Datasets.Get(dataset);
        var file = DataFiles.Compacted(data);
        Console.WriteLine($"profile {dataset}: {data.Nodes:N0} nodes, {data.Links:N0} links, data file {MemoryProbe.Mb(new FileInfo(file).Length)}");
        for (var round = 1; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            SnapshotFileContent content;
            using (var stream = File.OpenRead(file))
            {
                content = JsonSerializer.Deserialize<SnapshotFileContent>(stream, Json)!;
            }

            var parse = clock.Elapsed.TotalMilliseconds;
            var asTaxonomy = new RoleGraph.Core.Taxonomy.TaxonomyFile
            {
                FormatVersion = 1,
                Taxonomy = new RoleGraph.Core.Taxonomy.TaxonomyFileHeader { Name = "RoleGraph data file" },
                Nodes = content.Nodes,
                Links = content.Links,
            };
            var document = RoleGraph.Core.Taxonomy.TaxonomyValidator.Validate([(file, asTaxonomy)]);
            var validate = clock.Elapsed.TotalMilliseconds;
            var nodes = document.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
            var links = document.Links.ToDictionary(LinkKey.Of);
            var replay = clock.Elapsed.TotalMilliseconds;
            var snapshot = GraphSnapshot.Build(nodes.Values, links.Values);
            var build = clock.Elapsed.TotalMilliseconds;

            var open = Stopwatch.StartNew();
            using (var store = new EmbeddedGraphStore(new GraphDataFile(file), NullLogger<EmbeddedGraphStore>.Instance))
            {
                store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            var whole = open.Elapsed.TotalMilliseconds;
            Console.WriteLine($"  open, round {round}: parse JSON {parse:N0} ms, validate {validate - parse:N0} ms, replay dictionaries {replay - validate:N0} ms, GraphSnapshot.Build {build - replay:N0} ms; EmbeddedGraphStore.InitializeAsync {whole:N0} ms ({snapshot.NodeCount:N0} nodes)");
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
