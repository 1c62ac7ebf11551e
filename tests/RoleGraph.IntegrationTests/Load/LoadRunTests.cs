using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RoleGraph.Tests.Load;

/// <summary>
/// A bounded load run: the real service as its own process on loopback, a mixed read/write workload from several
/// concurrent clients for a fixed time (60 s unless ROLEGRAPH_LOAD_SECONDS says otherwise), then: no errors, and a
/// flat memory profile (the server's resident memory after warm-up does not keep growing). The figures are written
/// to load-run.json beside the test binaries and printed to the test output.
/// </summary>
public sealed class LoadRunTests
{
    private const string Key = "load-run-key";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private const int Clients = 8;

    private static readonly string[] Reads =
    [
        """{ role(id: "data-scientist") { name skills { skill { id name } importance } } }""",
        """{ overlap(roleIds: ["machine-learning-engineer", "data-scientist"]) { skills { id } jaccard } }""",
        """{ shortestPaths(fromId: "machine-learning-engineer", toId: "data-scientist") { length nodes { id } } }""",
        """{ skillGap(fromRoleId: "machine-learning-engineer", toRoleId: "data-scientist") { coverage missing { node { id } } } }""",
        """{ similarRoles(roleId: "data-scientist") { score role { id } } }""",
        """{ search(text: "data") { node { id } match } }""",
        """{ skills(first: 20, order: [{ name: DESC }]) { totalCount nodes { id name } } }""",
    ];

    [Fact]
    public async Task A_mixed_read_write_load_has_no_errors_and_flat_memory()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("ROLEGRAPH_LOAD_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 60;
        var directory = Directory.CreateTempSubdirectory("rolegraph-load-").FullName;
        var port = FreePort();
        using var server = StartServer(directory, port);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Add("X-Api-Key", Key);
            await WaitUntilReady(http, server);

            var deadline = DateTime.UtcNow.AddSeconds(seconds);
            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
            long reads = 0, writes = 0;
            var memory = new List<(double Seconds, long RssKb)>();
            var clock = Stopwatch.StartNew();

            var sampler = Task.Run(async () =>
            {
                while (DateTime.UtcNow < deadline)
                {
                    memory.Add((clock.Elapsed.TotalSeconds, ResidentKb(server)));
                    await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
                }
            }, TestContext.Current.CancellationToken);

            var workers = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                var random = new Random(client);
                for (var i = 0; DateTime.UtcNow < deadline; i++)
                {
                    var write = random.Next(10) == 0;
                    var query = write ? Write(random) : Reads[random.Next(Reads.Length)];
                    var started = Stopwatch.GetTimestamp();
                    var outcome = await Send(http, query);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (outcome is not null)
                    {
                        failures.Enqueue(outcome);
                    }

                    Interlocked.Increment(ref write ? ref writes : ref reads);
                }
            }, TestContext.Current.CancellationToken)).ToArray();
            await Task.WhenAll(workers);
            await sampler;

            var sorted = latencies.Order().ToArray();
            var warm = memory.Where(m => m.Seconds >= Math.Min(10, seconds / 3.0)).ToList();
            var figures = new
            {
                seconds,
                clients = Clients,
                reads,
                writes,
                requestsPerSecond = Math.Round((reads + writes) / clock.Elapsed.TotalSeconds),
                p50Ms = Math.Round(sorted[sorted.Length / 2], 2),
                p99Ms = Math.Round(sorted[(int)(sorted.Length * 0.99)], 2),
                errors = failures.Count,
                rssAfterWarmUpMb = warm.Count > 0 ? warm[0].RssKb / 1024 : 0,
                rssPeakMb = memory.Max(m => m.RssKb) / 1024,
                rssEndMb = memory[^1].RssKb / 1024,
                machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            };
            var json = JsonSerializer.Serialize(figures, Indented);
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "load-run.json"), json, TestContext.Current.CancellationToken);
            TestContext.Current.SendDiagnosticMessage(json);

            Assert.True(failures.IsEmpty, $"{failures.Count} failed requests, e.g. {failures.FirstOrDefault()}");
            Assert.True(reads + writes > seconds * 10, $"Only {reads + writes} requests in {seconds} s.");

            // Flat: after warm-up, resident memory does not climb by more than a bounded margin.
            Assert.True(figures.rssEndMb <= figures.rssAfterWarmUpMb + 64, $"Memory grew from {figures.rssAfterWarmUpMb} MB after warm-up to {figures.rssEndMb} MB.");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Rewrites a bounded set of skills and links, so the graph stays the same size however long it runs.</summary>
    private static string Write(Random random)
    {
        var n = random.Next(50);
        var importance = Math.Round(random.NextDouble(), 2).ToString(CultureInfo.InvariantCulture);
        return $$"""mutation { upsertSkill(input: { id: "load-{{n}}", name: "Load skill {{n}}", description: "rev {{random.Next()}}" }) { id } link(fromId: "data-scientist", toId: "load-{{n}}", relation: REQUIRES, importance: {{importance}}) { importance } }""";
    }

    /// <returns>null when the request succeeded, else what went wrong.</returns>
    private static async Task<string?> Send(HttpClient http, string query)
    {
        try
        {
            using var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/graphql", content);
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(body)?["errors"] is null ? null : $"{(int)response.StatusCode}: {body}";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    private static Process StartServer(string directory, int port)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));
        var start = new ProcessStartInfo(Cli.CliRun.DotnetHost) // the tests run as their own executable, not under dotnet
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "RoleGraph.Api.dll"), "--urls", $"http://127.0.0.1:{port}",
            "--RoleGraph:Embedded:DataFile=" + Path.Combine(directory, "g.json"),
            "--RoleGraph:Auth:ApiKeys:0:Name=load", "--RoleGraph:Auth:ApiKeys:0:Sha256=" + hash,
            "--RoleGraph:Limits:RequestsPerSecond=1000000", "--RoleGraph:Limits:RequestBurst=1000000",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReady(HttpClient http, Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !server.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become ready within 60 s.");
    }

    private static long ResidentKb(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
