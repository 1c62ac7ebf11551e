using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Operations;

/// <summary>
/// What reaches a collector when only the standard OTEL_EXPORTER_OTLP_ENDPOINT is set (OTLP over HTTP/protobuf, to a
/// listener standing in for the collector): metrics, traces and log records, each on its signal's path; with traces
/// switched off (OTEL_TRACES_SAMPLER=always_off), metrics and logs only, and no tracer provider at all.
/// </summary>
[Collection(TelemetryRunsAlone.Name)]
public sealed class OtlpExportTests
{
    private const string Write = """mutation { upsertSkill(input: { id: "otlp-export-test", name: "OTLP export test" }) { id } }""";

    [Fact]
    public async Task Metrics_traces_and_logs_reach_the_collector_on_their_paths()
    {
        using var collector = new Collector();
        using var app = Exporting(collector);

        await app.GraphQL().QueryAsync("{ role(id: \"data-scientist\") { name } }");
        await app.GraphQL().QueryAsync(Write); // the audit trail logs it

        await collector.WaitForAsync("/v1/metrics", "/v1/traces", "/v1/logs");
        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_traces_always_off_the_collector_gets_metrics_and_logs_and_no_tracer_provider_is_made()
    {
        using var collector = new Collector();
        using var app = Exporting(collector);
        app.Settings["OTEL_TRACES_SAMPLER"] = "always_off";

        await app.GraphQL().QueryAsync("{ role(id: \"data-scientist\") { name } }");
        await app.GraphQL().QueryAsync(Write);

        await collector.WaitForAsync("/v1/metrics", "/v1/logs");
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.DoesNotContain("/v1/traces", collector.Paths);
    }

    private static RoleGraphApiFactory Exporting(Collector collector) => new()
    {
        Settings =
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export within a tenth of a second instead of the defaults' 5 s (spans, logs) and 60 s (metrics).
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "100",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            // The test host logs warnings only; the audit trail's line for the write is information.
            ["Logging:LogLevel:RoleGraph"] = "Information",
        },
    };

    /// <summary>An HTTP listener on a free loopback port that answers every POST with 200 and records its path.</summary>
    private sealed class Collector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, int> _paths = new();
        private readonly Task _serving;

        public Collector()
        {
            Endpoint = $"http://127.0.0.1:{FreePort()}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public string Endpoint { get; }

        public ICollection<string> Paths => _paths.Keys;

        public async Task WaitForAsync(params string[] paths)
        {
            var deadline = System.Diagnostics.Stopwatch.StartNew();
            while (!paths.All(_paths.ContainsKey))
            {
                Assert.True(deadline.Elapsed < SubscriptionServer.Patience,
                    $"Waited for exports to {string.Join(", ", paths)}; got {string.Join(", ", _paths.Select(p => $"{p.Key} ({p.Value})"))}.");
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        public void Dispose()
        {
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return; // closed
                }

                if (context.Request.HttpMethod == "POST" && context.Request.ContentLength64 > 0)
                {
                    _paths.AddOrUpdate(context.Request.Url!.AbsolutePath, 1, (_, count) => count + 1);
                }

                await context.Request.InputStream.CopyToAsync(Stream.Null);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)socket.LocalEndPoint!).Port;
        }
    }
}
