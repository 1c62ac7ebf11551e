using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace RoleGraph.Benchmarks;

/// <summary>
/// The operations features over HTTP against the Release service as a process on the seed (bench `operations`):
/// write latency with no subscriber against 1,000 graphChanged subscribers over SSE (reading their streams, in a process
/// of their own: <see cref="SubscriberProcess"/>) plus one that never reads, in interleaved rounds, and how long an
/// event takes to reach a subscriber. Medians, with the load
/// average. The telemetry overhead on reads is measured with wrk instead (bench/http/run.sh --telemetry): a .NET
/// client in this process would share the 2 cores with the service and measure itself.
/// </summary>
public static class OperationsBench
{
    private const string Key = "operations-bench-key";
    private const string Subscription = "{\"query\":\"subscription { graphChanged { revision nodes { id change } } }\"}";
    private const string Read = "{\"query\":\"{ role(id: \\\"data-scientist\\\") { name skills { importance skill { id name } } } }\"}";

    /// <param name="serverCpus">
    /// CPUs for the service alone (taskset's list, e.g. "0"), or null to share every CPU with this process. Run the
    /// benchmark itself on the others (<c>taskset -c 1 dotnet run ...</c>): the timed writer and the readers then stand
    /// for clients on other machines, as in production, and the service's fan-out no longer delays the writer's own
    /// wake-up, which on 2 shared cores was most of what 1,000 subscribers added to a write.
    /// </param>
    public static async Task<int> RunAsync(int subscribers, int writes, int rounds, int pauseMs, bool build, string? serverCpus = null)
    {
        var root = BenchSettings.Current.RepositoryRoot;
        if (build)
        {
            using var builder = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-nologo", "-v", "q", Path.Combine(root, "src", "RoleGraph.Api")]))!;
            await builder.WaitForExitAsync();
            if (builder.ExitCode != 0)
            {
                return 1;
            }
        }

        var dll = Path.Combine(root, "src", "RoleGraph.Api", "bin", "Release", "net10.0", "RoleGraph.Api.dll");
        Console.WriteLine($"operations bench: {HttpLoad.Machine()}; load average at start {LoadAverage()}");
        Console.WriteLine(serverCpus is null
            ? "service and benchmark share every CPU"
            : $"service on CPUs {serverCpus}; benchmark (writer and readers) on {Affinity()}");
        await SubscribersAsync(dll, subscribers, writes, rounds, pauseMs, serverCpus);
        Console.WriteLine($"load average at the end {LoadAverage()}");
        return 0;
    }

    private static async Task SubscribersAsync(string dll, int subscribers, int writes, int rounds, int pauseMs, string? serverCpus)
    {
        using var server = await Service.StartAsync(dll, [$"--RoleGraph:Subscriptions:MaxSubscribers={subscribers + 10}"], serverCpus);
        using var http = server.Client(connections: 4);
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        await WritesAsync(http, writes, "warm", pauseMs);

        var quiet = new List<(double P50, double P99)>();
        var busy = new List<(double P50, double P99)>();
        var delivery = new List<double>();
        var missed = 0;
        for (var round = 0; round < rounds; round++)
        {
            var alone = await WritesAsync(http, writes, $"a{round}", pauseMs);
            quiet.Add((Percentile(alone, 0.5), Percentile(alone, 0.99)));

            using var readers = await SubscriberProcess.StartAsync(server.Address, subscribers, Subscription);
            using var slow = await SlowSubscriberAsync(server.Address);
            await Task.Delay(500);
            var sent = new List<long>();
            var withSubscribers = await WritesAsync(http, writes, $"b{round}", pauseMs, sent);
            busy.Add((Percentile(withSubscribers, 0.5), Percentile(withSubscribers, 0.99)));
            await Task.Delay(500);
            var seen = await readers.StopAsync();

            // Each write's event at the first subscriber, from the moment the write was sent.
            delivery.AddRange(sent.Zip(seen.Arrivals, (s, a) => Stopwatch.GetElapsedTime(s, a).TotalMilliseconds));
            missed += writes - seen.FewestEvents;
            Console.WriteLine($"  round {round + 1}: write p50/p99 alone {quiet[^1].P50:F2}/{quiet[^1].P99:F2} ms, with {subscribers} subscribers and a slow one "
                + $"{busy[^1].P50:F2}/{busy[^1].P99:F2} ms; load {LoadAverage()}");
        }

        Console.WriteLine($"writes (upsertSkill, sequential, {(pauseMs > 0 ? $"{pauseMs} ms apart, " : "back to back, ")}{writes} per round, medians of {rounds} rounds): alone p50 {Median(quiet.Select(q => q.P50)):F2} ms p99 "
            + $"{Median(quiet.Select(q => q.P99)):F2} ms; with {subscribers} subscribers + 1 never reading: p50 {Median(busy.Select(q => q.P50)):F2} ms p99 {Median(busy.Select(q => q.P99)):F2} ms");
        Console.WriteLine($"event delivery (write sent -> event read by a subscriber, {delivery.Count} events): p50 {Percentile(delivery, 0.5):F2} ms, p99 {Percentile(delivery, 0.99):F2} ms");
        Console.WriteLine(missed == 0
            ? $"every one of the {subscribers} subscribers received every event"
            : $"WARNING: events missing: the subscriber with the fewest events lacked {missed} (summed over rounds)");
    }

    /// <summary>
    /// Sequential writes. Back to back (pause 0) they ask for as many events as the machine can deliver (1,000
    /// subscribers × a write a millisecond), so the write latency then measures the machine's delivery capacity on the
    /// same cores; a pause between writes (e.g. 100 ms, an editor saving often) measures what subscribers cost a write.
    /// </summary>
    private static async Task<List<double>> WritesAsync(HttpClient http, int count, string tag, int pauseMs, List<long>? sent = null)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            if (pauseMs > 0 && i > 0)
            {
                await Task.Delay(pauseMs);
            }

            var body = $"{{\"query\":\"mutation {{ upsertSkill(input: {{ id: \\\"bench-{i % 50}\\\", name: \\\"Bench {tag} {i}\\\" }}) {{ id }} }}\"}}";
            var started = Stopwatch.GetTimestamp();
            sent?.Add(started);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/graphql", content);
            var text = await response.Content.ReadAsStringAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK || text.Contains("\"errors\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"write failed: {(int)response.StatusCode} {text}");
            }
        }

        return latencies;
    }

    /// <summary>A subscriber that never reads, with a small receive window: the service must drop it, not wait for it.</summary>
    private static async Task<Socket> SlowSubscriberAsync(Uri address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
        await socket.ConnectAsync(IPAddress.Loopback, address.Port);
        var request = $"POST /graphql HTTP/1.1\r\nHost: {address.Authority}\r\nAccept: text/event-stream\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {Encoding.UTF8.GetByteCount(Subscription)}\r\n\r\n{Subscription}";
        await socket.SendAsync(Encoding.UTF8.GetBytes(request));
        return socket;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static double Median(IEnumerable<double> values) => Percentile(values.ToList(), 0.5);

    /// <summary>This process's CPUs as the kernel lists them (Cpus_allowed_list), or "?" where there is no /proc.</summary>
    private static string Affinity() =>
        File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?"
            : "?";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>The service as a process on a loopback port, on a fresh seeded data file, with a write key.</summary>
    private sealed class Service : IDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private Service(Process process, string directory, Uri address) => (_process, _directory, Address) = (process, directory, address);

        public Uri Address { get; }

        public static async Task<Service> StartAsync(string dll, string[] settings, string? cpus)
        {
            var directory = Directory.CreateTempSubdirectory("rolegraph-operations-bench-").FullName;
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            // taskset pins the process before the runtime starts, so every thread it makes inherits the CPUs.
            var start = new ProcessStartInfo(cpus is null ? "dotnet" : "taskset") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
            foreach (var argument in (cpus is null ? Array.Empty<string>() : ["-c", cpus, "dotnet"]).Concat(
            [
                dll, "--urls", $"http://127.0.0.1:{port}",
                "--RoleGraph:Embedded:DataFile=" + Path.Combine(directory, "rolegraph.json"),
                "--RoleGraph:Limits:RequestsPerSecond=1000000", "--RoleGraph:Limits:RequestBurst=1000000",
                "--RoleGraph:Auth:ApiKeys:0:Name=bench",
                "--RoleGraph:Auth:ApiKeys:0:Sha256=" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
                "--Logging:LogLevel:Default=Warning",
            ]).Concat(settings))
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var service = new Service(process, directory, new Uri($"http://127.0.0.1:{port}"));
            using var probe = service.Client(1);
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var content = new StringContent(Read, Encoding.UTF8, "application/json");
                    using var response = await probe.PostAsync("/graphql", content);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return service;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                if (deadline.Elapsed > TimeSpan.FromSeconds(120) || process.HasExited)
                {
                    service.Dispose();
                    throw new InvalidOperationException("The service did not start.");
                }

                await Task.Delay(50);
            }
        }

        public HttpClient Client(int connections) =>
            new(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // a temp directory left behind is harmless
            }
        }
    }
}
