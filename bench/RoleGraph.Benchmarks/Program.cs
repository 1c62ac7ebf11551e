using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using RoleGraph.Benchmarks;

const string usage = """
    RoleGraph benchmarks (run from the repository, Release):
      dotnet run -c Release --project bench/RoleGraph.Benchmarks -- [all] [--quick]   queries, load, memory, then charts
      ... -- queries | load | memory [--quick] [--datasets seed,onet,gen-1k,gen-10k,gen-100k,gen-1m]
      ... -- query-power [--quick] [--cpu] [--datasets onet,gen-1m]   issue 16's filtered list, facet and link pages;
                                        --cpu: median CPU time per call beside wall time (for a busy machine)
      ... -- http [--dataset seed|onet|gen-...] [--seconds 10] [--clients 8] [--no-build] [--only RoleWithSkills,SimilarRoles]
      ... -- operations [--subscribers 1000] [--writes 200] [--rounds 3] [--pause-ms 0] [--server-cpus 0] [--no-build]
                                        write latency alone and beside N graphChanged subscribers (SSE) and one that
                                        never reads; event delivery time (telemetry's cost on reads: bench/http/run.sh --telemetry);
                                        --server-cpus pins the service (taskset), for a benchmark run on the other CPUs
      ... -- chart [--quick]            charts and summary from the last run's results
      ... -- profile [--dataset onet] [--rounds 3]   stopwatch breakdown of opening a data file and of one write
      ... -- writes [--dataset onet] [--data-file PATH] [--writes 2000] [--seconds 60] [--writers 4] [--readers 2]
                                        small writes in process on the embedded store with its data file: latency one
                                        at a time, then a mixed load of writers and readers, then the data file reopened
                                        and every acknowledged write looked for (--data-file: start from a copy of it)
      ... -- quality [--related PATH] [--tier Primary-Short] [--weights skills=1,tools=1,text=1]...
                                        similar roles against O*NET's related occupations: recall@10, MRR, build and
                                        query times, old and new model (default: the dev half beside the O*NET directory);
                                        over the same pairs, first shortest paths through a hub and path query times
    Options: --onet PATH (default $ROLEGRAPH_ONET_DIR, else ../shared/datasets/onet-29.3 beside the repository).
    --quick: seed and small generated graphs, short iterations: the whole run in under a minute.
    Results: bench/artifacts/{full|quick}/ (git-ignored); a full run's charts go to docs/.
    """;

var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
if (mode == "memory-probe")
{
    return MemoryProbe.Probe(args[1], args[2]);
}

if (mode == "operations-subscribers")
{
    return await SubscriberProcess.RunAsync(args);
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
bool Flag(string name) => args.Contains(name);

if (Flag("--help") || Flag("-h"))
{
    Console.WriteLine(usage);
    return 0;
}

BenchSettings.Current = new BenchSettings
{
    Quick = Flag("--quick"),
    OnetDirectory = Option("--onet") is { } onet ? Path.GetFullPath(onet) : BenchSettings.DefaultOnetDirectory(),
    DatasetFilter = Option("--datasets")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
};
var settings = BenchSettings.Current;
var artifacts = settings.ArtifactsDirectory;
var docs = settings.Quick ? artifacts : Path.Combine(settings.RepositoryRoot, "docs");
var wall = Stopwatch.StartNew();

switch (mode)
{
    case "all":
        Queries();
        Load();
        Memory();
        Chart.Run(artifacts, docs);
        break;
    case "queries":
        Queries();
        break;
    case "query-power" when Flag("--cpu"):
        CpuTimeProbe.Run(settings.QueryPowerDatasets, settings.Quick);
        break;
    case "query-power":
        QueryPower();
        break;
    case "load":
        Load();
        break;
    case "memory":
        Memory();
        break;
    case "chart":
        return Chart.Run(artifacts, docs);
    case "profile":
        return Profile.Run(Option("--dataset") ?? "onet", int.Parse(Option("--rounds") ?? "3", System.Globalization.CultureInfo.InvariantCulture));
    case "writes":
        return await WriteLoad.RunAsync(new WriteLoad.Options(
            Option("--dataset") ?? "onet",
            Option("--data-file") is { } dataFile ? Path.GetFullPath(dataFile) : null,
            int.Parse(Option("--writes") ?? "2000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option("--seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option("--writers") ?? "4", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option("--readers") ?? "2", System.Globalization.CultureInfo.InvariantCulture)), artifacts);
    case "quality":
        return RoleGraph.Benchmarks.Quality.QualityBenchmark.Run(
            Option("--related") is { } related ? Path.GetFullPath(related) : RoleGraph.Benchmarks.Quality.QualityBenchmark.DefaultRelatedFile(settings.OnetDirectory),
            Option("--tier") ?? "Primary-Short",
            args.Select((a, i) => (a, i)).Where(x => x.a == "--weights" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToArray());
    case "http":
        var dataset = Option("--dataset") ?? "seed";
        if (dataset == "onet" && !Datasets.OnetAvailable)
        {
            Console.WriteLine($"NOTE: O*NET skipped: no O*NET 29.3 database at {settings.OnetDirectory} (give --onet PATH or set ROLEGRAPH_ONET_DIR).");
            return 0;
        }

        return await HttpLoad.RunAsync(dataset, int.Parse(Option("--seconds") ?? "10", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option("--clients") ?? "8", System.Globalization.CultureInfo.InvariantCulture), build: !Flag("--no-build"),
            only: Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    case "operations":
        int Number(string name, int fallback) => int.Parse(Option(name) ?? fallback.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        return await OperationsBench.RunAsync(Number("--subscribers", 1000), Number("--writes", 200), Number("--rounds", 3), Number("--pause-ms", 0), build: !Flag("--no-build"), serverCpus: Option("--server-cpus"));
    default:
        Console.Error.WriteLine(usage);
        return 2;
}

Console.WriteLine($"Done in {wall.Elapsed.TotalSeconds:N1} s; results in {artifacts}");
return 0;

void Queries()
{
    Chart.WriteDatasets(artifacts, settings.QueryDatasets);
    // Iterations of a fixed length (BenchmarkDotNet picks the invocations per iteration, thousands for the fast
    // operations): the median of 8 such iterations is stable to a few per cent on an idle machine, and the whole
    // run stays near 10 minutes; --quick trades precision for speed.
    var job = Job.Default
        .WithWarmupCount(3)
        .WithIterationCount(settings.Quick ? 3 : 8)
        .WithIterationTime(TimeInterval.FromMilliseconds(settings.Quick ? 25 : 120))
        .WithEvaluateOverhead(false)
        .WithId(settings.Quick ? "quick" : "full");
    var config = Config(job)
        // The seed has two roles: its overlap of five would be the overlap of two again.
        .AddFilter(new SimpleFilter(c => !(c.Descriptor.WorkloadMethod.Name == nameof(QueryBenchmarks.Overlap5) && c.Parameters["Dataset"] as string == "seed")));
    Print(BenchmarkRunner.Run<QueryBenchmarks>(config));
}

void QueryPower()
{
    Chart.WriteDatasets(artifacts, settings.QueryPowerDatasets);
    var job = Job.Default
        .WithWarmupCount(3)
        .WithIterationCount(settings.Quick ? 3 : 8)
        .WithIterationTime(TimeInterval.FromMilliseconds(settings.Quick ? 25 : 120))
        .WithEvaluateOverhead(false)
        .WithId(settings.Quick ? "quick" : "full");
    Print(BenchmarkRunner.Run<QueryPowerBenchmarks>(Config(job)));
}

void Load()
{
    Chart.WriteDatasets(artifacts, settings.LoadDatasets);
    // Seconds-long operations: measured a few times each, no pilot or unrolling.
    var job = Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithWarmupCount(settings.Quick ? 0 : 1)
        .WithIterationCount(settings.Quick ? 2 : 4)
        .WithId(settings.Quick ? "quick" : "full");
    Print(BenchmarkRunner.Run<LoadBenchmarks>(Config(job)));
}

void Memory()
{
    var names = settings.Quick ? settings.LoadDatasets : settings.LoadDatasets.Prepend("gen-1k").Distinct().ToArray();
    Chart.WriteDatasets(artifacts, names);
    var results = MemoryProbe.Run(names);
    File.WriteAllText(Path.Combine(artifacts, "memory.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
}

ManualConfig Config(Job job) => ManualConfig.CreateEmpty()
    // In process: the datasets (up to a million links) are made once and shared by every case of a run.
    .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(JsonExporter.Brief, MarkdownExporter.GitHub, CsvExporter.Default)
    .AddLogger(ConsoleLogger.Default)
    .WithArtifactsPath(artifacts)
    .WithOptions(ConfigOptions.DisableLogFile)
    .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(20));

static void Print(Summary summary)
{
    foreach (var report in summary.Reports)
    {
        var median = report.ResultStatistics?.Median;
        Console.WriteLine($"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name,-15} {report.BenchmarkCase.Parameters["Dataset"],-9} median {(median is null ? "n/a" : TimeInterval.FromNanoseconds(median.Value).ToString())}");
    }
}
