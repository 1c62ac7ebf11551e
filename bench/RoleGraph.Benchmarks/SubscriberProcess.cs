using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RoleGraph.Benchmarks;

/// <summary>
/// The operations bench's subscribers in a process of their own (this program, mode operations-subscribers): N
/// graphChanged streams over SSE, each read to the end, counting its events. In the bench's own process their reads
/// would queue on the same thread pool as the timed writer's answers, and the bench would measure its own readers, not
/// what subscribers cost the service. The first stream's arrival times are Stopwatch timestamps (CLOCK_MONOTONIC,
/// comparable across processes on one machine), so the bench can compute delivery times from its send times.
/// </summary>
public sealed class SubscriberProcess : IDisposable
{
    private const string Mode = "operations-subscribers";
    private const string Ready = "ready";

    private readonly Process _process;

    private SubscriberProcess(Process process) => _process = process;

    /// <summary>What the subscribers saw: the first stream's arrival timestamps, and the fewest and most events any stream got.</summary>
    public sealed record Report(long[] Arrivals, int FewestEvents, int MostEvents);

    public static async Task<SubscriberProcess> StartAsync(Uri address, int count, string subscription)
    {
        // At the lowest CPU priority (nice 19, every thread of it): the readers stand in for clients on other machines,
        // so they take the cores only when the service and the timed writer leave them idle, and catch up between writes.
        var start = new ProcessStartInfo("nice") { RedirectStandardOutput = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add("19");
        start.ArgumentList.Add(Environment.ProcessPath!);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SubscriberProcess).Assembly.Location);
        }

        foreach (var argument in new[] { Mode, address.ToString(), count.ToString(System.Globalization.CultureInfo.InvariantCulture), subscription })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync();
        if (line != Ready)
        {
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"the subscriber process did not get ready: {line ?? "it ended"}");
        }

        return new SubscriberProcess(process);
    }

    /// <summary>Closes every stream and returns what the streams received.</summary>
    public async Task<Report> StopAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        var json = await _process.StandardOutput.ReadToEndAsync();
        await _process.WaitForExitAsync();
        return JsonSerializer.Deserialize<Report>(json) ?? throw new InvalidOperationException("the subscriber process reported nothing");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    /// <summary>The child's side: subscribe, say ready, read until told to stop, report.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var address = new Uri(args[1]);
        var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        var subscription = args[3];
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var arrivals = new List<long>();
        var counts = new int[count];
        var readers = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            readers.Add(await SubscribeAsync(http, subscription, i, counts, i == 0 ? arrivals : null, stop.Token));
        }

        Console.WriteLine(Ready);
        await Console.In.ReadLineAsync();
        await stop.CancelAsync();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        long[] first;
        lock (arrivals)
        {
            first = [.. arrivals];
        }

        Console.WriteLine(JsonSerializer.Serialize(new Report(first, counts.Min(), counts.Max())));
        return 0;
    }

    private static async Task<Task> SubscribeAsync(HttpClient http, string subscription, int index, int[] counts, List<long>? arrivals, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(subscription, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"subscribe failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return Task.Run(async () =>
        {
            using (response)
            {
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (line.StartsWith("event: next", StringComparison.Ordinal))
                    {
                        counts[index]++;
                        if (arrivals is not null)
                        {
                            lock (arrivals)
                            {
                                arrivals.Add(Stopwatch.GetTimestamp());
                            }
                        }
                    }
                }
            }
        }, cancellationToken);
    }
}
