using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Services;
using RoleGraph.Core.Store;
using RoleGraph.Embedded;
using RoleGraph.Importing.Onet;

namespace RoleGraph.Benchmarks;

/// <summary>
/// Whole-graph operations, each a few seconds at most, measured a few times (monitoring strategy, no unrolling):
/// an import into a store on disk, and the start of a store on a data file up to its first answer.
/// </summary>
public class LoadBenchmarks
{
    private BenchDataset _data = null!;
    private string _startupFile = null!;
    private string? _importDirectory;
    private EmbeddedGraphStore? _importStore;

    [ParamsSource(nameof(DatasetNames))]
    public string Dataset { get; set; } = "seed";

    public static IEnumerable<string> DatasetNames() => BenchSettings.Current.LoadDatasets;

    [GlobalSetup]
    public void Setup()
    {
        _data = Datasets.Get(Dataset);
        _startupFile = DataFiles.Compacted(_data);
    }

    [IterationSetup(Target = nameof(Import))]
    public void BeforeImport()
    {
        _importDirectory = Directory.CreateTempSubdirectory("rolegraph-bench-import-").FullName;
        _importStore = new EmbeddedGraphStore(new GraphDataFile(Path.Combine(_importDirectory, "g.json")), NullLogger<EmbeddedGraphStore>.Instance);
        _importStore.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (Dataset == "onet")
        {
            // As the README's import-onet: into a store that already holds the seed.
            _importStore.ApplyAsync(GraphEdit.Import(Datasets.SeedDocument(), ImportMode.Replace), false, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    [IterationCleanup(Target = nameof(Import))]
    public void AfterImport()
    {
        _importStore?.Dispose();
        if (_importDirectory is not null)
        {
            Directory.Delete(_importDirectory, recursive: true);
        }
    }

    /// <summary>
    /// O*NET: the import-onet verb's path (read 10 tables, allocate ids, validate, plan, journal, publish). Others: the
    /// import of an already parsed document (plan, journal with fsync, publish, compact when the journal outgrows the snapshot).
    /// </summary>
    [Benchmark]
    public EditReport Import() => Dataset == "onet"
        ? OnetStoreImport.ImportAsync(_importStore!, BenchSettings.Current.OnetDirectory, new OnetImportOptions(), false, null, CancellationToken.None).GetAwaiter().GetResult()
        : _importStore!.ApplyAsync(GraphEdit.Import(_data.Document, ImportMode.Replace), false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Open the data file (lock, read the snapshot, replay the journal, build the indexes) and answer role-with-skills.</summary>
    [Benchmark]
    public int Startup()
    {
        using var store = new EmbeddedGraphStore(new GraphDataFile(_startupFile), NullLogger<EmbeddedGraphStore>.Instance);
        store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        string[] ids = [_data.Roles[0]];
        return new GraphQueryService(store).GetLinkedAsync(ids, RelationKind.Requires, LinkDirection.Outgoing, CancellationToken.None).GetAwaiter().GetResult()[ids[0]].Count;
    }
}

/// <summary>Data files holding a dataset, as a long-running service leaves them: one compacted snapshot, empty journal.</summary>
public static class DataFiles
{
    private static readonly Dictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Compacted(BenchDataset data)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(data.Name, out var existing))
            {
                return existing;
            }

            var directory = Directory.CreateTempSubdirectory($"rolegraph-bench-{data.Name}-").FullName;
            var path = Path.Combine(directory, "g.json");
            var file = new GraphDataFile(path);
            using (var store = new EmbeddedGraphStore(file, NullLogger<EmbeddedGraphStore>.Instance))
            {
                store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
                store.ApplyAsync(GraphEdit.Import(data.Document, ImportMode.Replace), false, CancellationToken.None).GetAwaiter().GetResult();
                var snapshot = store.Snapshot;
                var sources = store.ExportAsync(CancellationToken.None).GetAwaiter().GetResult().Sources;
                file.CompactAsync(new StoredGraph(snapshot.Nodes, snapshot.Links, sources, 1), CancellationToken.None).GetAwaiter().GetResult();
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);
            Cache[data.Name] = path;
            return path;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a temp directory left behind is harmless
        }
    }
}
