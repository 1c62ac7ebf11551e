using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Model;
using RoleGraph.Core.Services;
using RoleGraph.Core.Store;
using RoleGraph.Embedded;

namespace RoleGraph.Benchmarks;

/// <summary>
/// Memory after load, and a cold start: for each dataset, a fresh process (this program, mode memory-probe) opens the
/// compacted data file, answers role-with-skills, and reports the managed heap that stays live, its resident
/// memory and peak resident memory (VmRSS, VmHWM), and how long the open took in a process whose code was not jitted yet.
/// </summary>
public static class MemoryProbe
{
    public sealed record Result(string Dataset, int Nodes, int Links, long DataFileBytes, double ColdOpenMs, long HeapBytes, long RssBytes, long PeakRssBytes);

    public static IReadOnlyList<Result> Run(IReadOnlyList<string> datasets)
    {
        var results = new List<Result>();
        foreach (var name in datasets)
        {
            var data = Datasets.Get(name);
            var file = DataFiles.Compacted(data);
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                start.ArgumentList.Add(typeof(MemoryProbe).Assembly.Location);
            }

            foreach (var argument in new[] { "memory-probe", file, data.Roles[0] })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
            var probe = JsonSerializer.Deserialize<Result>(line)!;
            var result = probe with { Dataset = name, Nodes = data.Nodes, Links = data.Links, DataFileBytes = new FileInfo(file).Length };
            Console.WriteLine($"memory {name,-9} nodes {result.Nodes,9:N0} links {result.Links,10:N0} file {Mb(result.DataFileBytes),8} cold open+answer {result.ColdOpenMs,9:N1} ms  heap {Mb(result.HeapBytes),8}  rss {Mb(result.RssBytes),8}  peak rss {Mb(result.PeakRssBytes),8}");
            results.Add(result);
        }

        return results;
    }

    /// <summary>The child side: open, answer, measure; one JSON line on standard output.</summary>
    public static int Probe(string file, string roleId)
    {
        var clock = Stopwatch.StartNew();
        var store = new EmbeddedGraphStore(new GraphDataFile(file), NullLogger<EmbeddedGraphStore>.Instance);
        store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        var answer = new GraphQueryService(store).GetLinkedAsync([roleId], RelationKind.Requires, LinkDirection.Outgoing, CancellationToken.None).GetAwaiter().GetResult();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var status = File.ReadAllLines("/proc/self/status");
        long Kb(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        Console.WriteLine(JsonSerializer.Serialize(new Result("", 0, answer.Count, 0, elapsed, heap, Kb("VmRSS:"), Kb("VmHWM:"))));
        GC.KeepAlive(store);
        return 0;
    }

    public static string Mb(long bytes) => $"{bytes / 1048576.0:N1} MB";
}
