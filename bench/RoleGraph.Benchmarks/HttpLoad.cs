using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RoleGraph.Benchmarks;

/// <summary>
/// A bounded loopback load run against the real service: starts src/RoleGraph.Api (Release build) as its own process
/// on a compacted data file of the dataset, times start to first answer, then drives each GraphQL operation in turn
/// from a fixed number of concurrent clients for a fixed time, and reports throughput, p50/p90/p99 and the server's CPU
/// time per request. Only 127.0.0.1 is ever addressed; every loop ends at its deadline.
/// </summary>
public static class HttpLoad
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public sealed record OperationResult(string Operation, long Requests, int Errors, double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double ServerCpuUsPerRequest);

    public sealed record Report(string Dataset, int Clients, int SecondsPerOperation, double StartToFirstAnswerMs, long ServerRssAfterBytes, string Machine, IReadOnlyList<OperationResult> Operations);

    public static async Task<int> RunAsync(string dataset, int seconds, int clients, bool build, IReadOnlyCollection<string>? only = null)
    {
        var settings = BenchSettings.Current;
        var root = settings.RepositoryRoot;
        if (build)
        {
            Console.WriteLine("Building src/RoleGraph.Api (Release) ...");
            using var builder = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-nologo", "-v", "q", Path.Combine(root, "src", "RoleGraph.Api")]))!;
            await builder.WaitForExitAsync();
            if (builder.ExitCode != 0)
            {
                Console.Error.WriteLine("The build of the service failed.");
                return 1;
            }
        }

        var dll = Path.Combine(root, "src", "RoleGraph.Api", "bin", "Release", "net10.0", "RoleGraph.Api.dll");
        var data = Datasets.Get(dataset);
        var file = DataFiles.Compacted(data);
        var port = FreePort();
        var queries = Queries(data);
        var timed = only is { Count: > 0 } ? queries.Where(q => only.Contains(q.Operation, StringComparer.OrdinalIgnoreCase)).ToList() : queries;

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };

        var clock = Stopwatch.StartNew();
        using var server = StartServer(dll, file, port);
        try
        {
            var first = queries[0].Body;
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (await SendAsync(http, first) is not null)
            {
                if (server.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"The service did not answer within 120 s (exit code {(server.HasExited ? server.ExitCode : "none")}).");
                }

                await Task.Delay(20);
            }

            var startup = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"http {dataset}: service started and answered role-with-skills in {startup:N0} ms ({data.Nodes:N0} nodes, {data.Links:N0} links)");

            // Warm-up: every operation, so the JIT's tiers and the caches settle before anything is timed.
            await DriveAsync(http, queries.Select(q => q.Body).ToArray(), clients, TimeSpan.FromSeconds(Math.Min(5, Math.Max(2, seconds))), server);

            var results = new List<OperationResult>();
            foreach (var (operation, body) in timed)
            {
                var result = await DriveAsync(http, [body], clients, TimeSpan.FromSeconds(seconds), server);
                results.Add(result with { Operation = operation });
                Console.WriteLine($"  {operation,-15} {result.RequestsPerSecond,8:N0} req/s  p50 {result.P50Ms,7:N2} ms  p90 {result.P90Ms,7:N2} ms  p99 {result.P99Ms,7:N2} ms  max {result.MaxMs,7:N1} ms  server CPU {result.ServerCpuUsPerRequest,6:N0} µs/req  errors {result.Errors}");
            }

            var report = new Report(dataset, clients, seconds, Math.Round(startup, 1), ResidentBytes(server.Id), Machine(), results);
            Directory.CreateDirectory(settings.ArtifactsDirectory);
            var output = Path.Combine(settings.ArtifactsDirectory, timed.Count == queries.Count ? $"http-{dataset}.json" : $"http-{dataset}-partial.json");
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, Indented));
            Console.WriteLine($"  server RSS after the run {MemoryProbe.Mb(report.ServerRssAfterBytes)}; written to {output}");
            return results.Any(r => r.Errors > 0) ? 1 : 0;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    public static string Machine() => $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";

    private static List<(string Operation, byte[] Body)> Queries(BenchDataset data)
    {
        var r = data.Roles;
        var list = new List<(string, string)>
        {
            ("RoleWithSkills", $$"""{ role(id: "{{r[0]}}") { id name skills { skill { id name } importance } } }"""),
            ("Overlap2", $$"""{ overlap(roleIds: ["{{r[0]}}", "{{r[1]}}"]) { skills { id } tools { id } jaccard } }"""),
        };
        if (r.Count >= 5)
        {
            list.Add(("Overlap5", $$"""{ overlap(roleIds: [{{string.Join(", ", r.Take(5).Select(id => $"\"{id}\""))}}]) { skills { id } tools { id } jaccard } }"""));
        }

        list.AddRange(
        [
            ("ShortestPaths", $$"""{ shortestPaths(fromId: "{{r[0]}}", toId: "{{r[1]}}") { length nodes { id } } }"""),
            ("SkillGap", $$"""{ skillGap(fromRoleId: "{{r[0]}}", toRoleId: "{{r[1]}}") { coverage missing { node { id } importance } } }"""),
            ("SimilarRoles", $$"""{ similarRoles(roleId: "{{r[0]}}") { score role { id } } }"""),
            ("Search", $$"""{ search(text: "{{data.SearchText}}") { node { id } match } }"""),
            ("RolesPage", """{ roles(first: 20) { totalCount nodes { id name } } }"""),
        ]);
        return list.Select(q => (q.Item1, JsonSerializer.SerializeToUtf8Bytes(new { query = q.Item2 }))).ToList();
    }

    private static async Task<OperationResult> DriveAsync(HttpClient http, byte[][] bodies, int clients, TimeSpan duration, Process server)
    {
        var cpuBefore = CpuTime(server.Id);
        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var errors = 0;
        string? firstError = null;
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var latencies = new List<double>(1 << 16);
            for (var i = client; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var error = await SendAsync(http, bodies[i % bodies.Length]);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (error is not null)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }

            return latencies;
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = CpuTime(server.Id) - cpuBefore;
        if (firstError is not null)
        {
            Console.WriteLine($"  first error: {firstError}");
        }

        var all = perClient.SelectMany(l => l).Order().ToArray();
        double At(double q) => all.Length == 0 ? double.NaN : Math.Round(all[Math.Min(all.Length - 1, (int)(all.Length * q))], 3);
        return new OperationResult("", all.Length, errors, Math.Round(all.Length / elapsed), At(0.50), At(0.90), At(0.99), At(1.0),
            all.Length == 0 ? 0 : Math.Round(cpu.TotalMicroseconds / all.Length, 1));
    }

    /// <returns>null when the request succeeded, else what went wrong.</returns>
    private static async Task<string?> SendAsync(HttpClient http, byte[] body)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync("/graphql", content);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK && bytes.AsSpan().IndexOf("\"errors\""u8) < 0
                ? null
                : $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(300, bytes.Length)))}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.Message;
        }
    }

    private static Process StartServer(string dll, string dataFile, int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dataFile)! };
        foreach (var argument in new[]
        {
            dll, "--urls", $"http://127.0.0.1:{port}",
            "--RoleGraph:Embedded:DataFile=" + dataFile,
            "--RoleGraph:Limits:RequestsPerSecond=1000000", "--RoleGraph:Limits:RequestBurst=1000000",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                Console.Error.WriteLine($"  [service] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>User plus system CPU time of a process, from /proc (clock ticks of 10 ms).</summary>
    private static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
