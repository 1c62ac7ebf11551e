using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Embedded;

namespace RoleGraph.Benchmarks;

/// <summary>
/// Writes in process against the real embedded store with its data file (mode writes): the latency of one small
/// write (a new skill and a REQUIRES link from a role to it) one after another, then a mixed load of concurrent
/// writers and readers for a fixed time, after which the data file is opened again and every acknowledged write is
/// looked for in it. Latencies are per ApplyAsync call (plan, journal line with its fsync, new snapshot).
/// </summary>
public static class WriteLoad
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public sealed record Options(string Dataset, string? DataFile, int Writes, int Seconds, int Writers, int Readers);

    public static async Task<int> RunAsync(Options options, string artifacts)
    {
        var directory = Directory.CreateTempSubdirectory("rolegraph-writes-").FullName;
        try
        {
            var path = Path.Combine(directory, "g.json");
            string[] roles;
            if (options.DataFile is { } source)
            {
                File.Copy(source, path); // a copy: the original may be another store's, with its lock
                roles = [];
            }
            else
            {
                var data = Datasets.Get(options.Dataset);
                File.Copy(DataFiles.Compacted(data), path);
                roles = [.. data.Roles];
            }

            var load = Uptime();
            Console.WriteLine($"writes {options.Dataset}: data file {MemoryProbe.Mb(new FileInfo(path).Length)}, {HttpLoad.Machine()}, load average {load}");
            var results = new Dictionary<string, object>(StringComparer.Ordinal) { ["machine"] = HttpLoad.Machine(), ["loadBefore"] = load };

            using (var store = await OpenAsync(path))
            {
                roles = roles.Length > 0 ? roles : [.. store.Snapshot.OfKind(NodeKind.Role).ToArray().Select(i => store.Snapshot[i].Id)];
                Console.WriteLine($"  {store.Snapshot.NodeCount:N0} nodes, {store.Snapshot.LinkCount:N0} links, {roles.Length:N0} roles");
                results["sequential"] = await SequentialAsync(store, roles, options.Writes, "seq");
                results["readAfterWrite"] = await ReadAfterWriteAsync(store, roles);
            }

            using (var memory = new EmbeddedGraphStore(null, NullLogger<EmbeddedGraphStore>.Instance))
            {
                await memory.InitializeAsync(CancellationToken.None);
                using (var file = await OpenAsync(path))
                {
                    await memory.ApplyAsync(GraphEdit.Import(await file.ExportAsync(CancellationToken.None), ImportMode.Replace), dryRun: false, CancellationToken.None);
                }

                results["sequentialInMemory"] = await SequentialAsync(memory, roles, options.Writes, "mem");
            }

            results["mixed"] = await MixedAsync(path, roles, options);
            results["loadAfter"] = Uptime();
            Directory.CreateDirectory(artifacts);
            var output = Path.Combine(artifacts, $"writes-{options.Dataset}.json");
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, Indented));
            Console.WriteLine($"  load average after: {results["loadAfter"]}; results in {output}");
            return results["mixed"] is MixedResult { Lost: 0 } ? 0 : 1;
        }
        finally
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

    private static async Task<EmbeddedGraphStore> OpenAsync(string path)
    {
        var store = new EmbeddedGraphStore(new GraphDataFile(path), NullLogger<EmbeddedGraphStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>A new skill and a link to it from a role: the write a taxonomy editor makes most.</summary>
    private static GraphEdit SmallWrite(string prefix, int n, string role) => new()
    {
        UpsertNodes = [new GraphNode($"bench-{prefix}-skill-{n}", NodeKind.Skill, $"Bench {prefix} skill {n}", null, [], GraphNode.NoProperties)],
        UpsertLinks = [new GraphLink(role, $"bench-{prefix}-skill-{n}", RelationKind.Requires, 0.5, 0.25)],
    };

    public sealed record Latency(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double? CpuMsPerWrite = null);

    private static Latency Summarize(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds.Count == 0 ? 0 : milliseconds[Math.Min(milliseconds.Count - 1, (int)(q * milliseconds.Count))];
        return new Latency(milliseconds.Count, At(0.5), At(0.9), At(0.99), milliseconds.Count == 0 ? 0 : milliseconds[^1]);
    }

    private static string Show(Latency l) =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {l.P50Ms:N2} ms, p90 {l.P90Ms:N2} ms, p99 {l.P99Ms:N2} ms, max {l.MaxMs:N1} ms ({l.Count:N0} writes)");

    private static async Task<Latency> SequentialAsync(EmbeddedGraphStore store, string[] roles, int writes, string prefix)
    {
        var warmUp = Math.Min(200, writes / 5);
        var times = new List<double>(writes);
        var cpu = TimeSpan.Zero;
        for (var n = 0; n < warmUp + writes; n++)
        {
            if (n == warmUp)
            {
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
            }

            var edit = SmallWrite(prefix, n, roles[n % roles.Length]);
            var clock = Stopwatch.StartNew();
            await store.ApplyAsync(edit, dryRun: false, CancellationToken.None);
            if (n >= warmUp)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        // CPU time per write: what a write costs this process, which a loaded machine's queueing does not inflate as much.
        var cpuPerWrite = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / writes;
        var latency = Summarize(times) with { CpuMsPerWrite = cpuPerWrite };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one write at a time ({(prefix == "mem" ? "in memory, no data file" : "data file, fsync per write")}): {Show(latency)}; process CPU {cpuPerWrite:N3} ms per write"));
        return latency;
    }

    /// <summary>The first reads of a new snapshot: what a write costs the readers after it.</summary>
    private static async Task<object> ReadAfterWriteAsync(EmbeddedGraphStore store, string[] roles)
    {
        var similarity = new RoleSimilarityIndexCache(new SimilarityOptions());
        var (roleRead, similar) = (new List<double>(), new List<double>());
        for (var n = 0; n < 30; n++)
        {
            await store.ApplyAsync(SmallWrite("raw", n, roles[n % roles.Length]), dryRun: false, CancellationToken.None);
            var graph = store.Snapshot;
            var clock = Stopwatch.StartNew();
            RoleWithSkills(graph, roles[(n * 7) % roles.Length]);
            roleRead.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            graph.TryGetIndex(roles[(n * 7) % roles.Length], out var role);
            similarity.For(graph).Nearest(role, 10);
            similar.Add(clock.Elapsed.TotalMilliseconds);
        }

        var (r, s) = (Summarize(roleRead), Summarize(similar));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  first read after a write: role with skills p50 {r.P50Ms:N3} ms; similar roles (index for the new snapshot) p50 {s.P50Ms:N1} ms"));
        return new { roleWithSkills = r, similarRoles = s };
    }

    /// <summary>What <c>role(id) { skills { ... } }</c> asks of a snapshot: the role, its REQUIRES links in list order.</summary>
    private static int RoleWithSkills(GraphSnapshot graph, string role)
    {
        if (!graph.TryGetIndex(role, out var index))
        {
            throw new InvalidOperationException($"The role '{role}' is missing.");
        }

        var items = new List<(int Node, GraphLink Link)>();
        foreach (var adjacent in graph.Neighbors(index))
        {
            if (adjacent.Outgoing && adjacent.Relation == RelationKind.Requires)
            {
                items.Add((adjacent.Node, graph.Link(adjacent.Link)));
            }
        }

        LinkOrder.Sort(graph, items);
        var length = 0;
        foreach (var (node, _) in items)
        {
            length += graph[node].Name.Length;
        }

        return length;
    }

    public sealed record MixedResult(int Seconds, int Writers, int Readers, long Acknowledged, double WritesPerSecond, Latency WriteLatency,
        long Reads, double ReadsPerSecond, int Lost, double ReopenMs);

    private static async Task<MixedResult> MixedAsync(string path, string[] roles, Options options)
    {
        var acknowledged = new ConcurrentQueue<(string Skill, string Role)>();
        var writeTimes = new ConcurrentBag<List<double>>();
        long reads = 0;
        var clock = Stopwatch.StartNew();
        using (var store = await OpenAsync(path))
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
            var next = 0;
            var writers = Enumerable.Range(0, options.Writers).Select(_ => Task.Run(async () =>
            {
                var times = new List<double>();
                writeTimes.Add(times);
                while (!stop.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref next);
                    var role = roles[n % roles.Length];
                    var edit = SmallWrite("mix", n, role);
                    var started = Stopwatch.GetTimestamp();
                    await store.ApplyAsync(edit, dryRun: false, CancellationToken.None);
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    acknowledged.Enqueue((edit.UpsertNodes[0].Id, role));
                }
            })).ToArray();
            var readers = Enumerable.Range(0, options.Readers).Select(r => Task.Run(() =>
            {
                var random = new Random(r);
                while (!stop.IsCancellationRequested)
                {
                    RoleWithSkills(store.Snapshot, roles[random.Next(roles.Length)]);
                    Interlocked.Increment(ref reads);
                }
            })).ToArray();
            await Task.WhenAll(writers.Concat(readers));
        }

        var elapsed = clock.Elapsed.TotalSeconds;

        // Every acknowledged write must be in the data file: open it again, as after a restart, and look.
        var reopen = Stopwatch.StartNew();
        using var reopened = await OpenAsync(path);
        var reopenMs = reopen.Elapsed.TotalMilliseconds;
        var graph = reopened.Snapshot;
        var lost = acknowledged.Count(w => graph.Find(w.Skill) is null || graph.FindLink(new LinkKey(w.Role, w.Skill, RelationKind.Requires)) is null);
        var latency = Summarize(writeTimes.SelectMany(t => t).ToList());
        var result = new MixedResult(options.Seconds, options.Writers, options.Readers, acknowledged.Count, acknowledged.Count / elapsed, latency,
            reads, reads / elapsed, lost, reopenMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  mixed, {options.Seconds} s, {options.Writers} writers + {options.Readers} readers: {result.WritesPerSecond:N0} writes/s acknowledged ({result.Acknowledged:N0}), write {Show(latency)}; {result.ReadsPerSecond:N0} role reads/s"));
        Console.WriteLine($"  reopened the data file in {reopenMs:N0} ms: {lost} of {acknowledged.Count:N0} acknowledged writes missing");
        return result;
    }

    private static string Uptime()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
