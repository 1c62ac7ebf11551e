using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RoleGraph.Tests.Cli;

namespace RoleGraph.Tests.Infrastructure;

/// <summary>
/// The service as a user starts it: <c>dotnet RoleGraph.Api.dll</c> with no verb, in a working directory of the
/// test's own, on a loopback port, with the environment cleared of RoleGraph and ASP.NET Core settings (so it runs
/// in Production unless the test says otherwise). Keeps standard output and standard error apart.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    public HttpClient Http { get; }

    /// <summary>Whether <see cref="Kill"/> ended it: requests cut off by the kill are expected then.</summary>
    public bool Killed { get; private set; }

    public string Output => Read(_output);

    public string Error => Read(_error);

    public override string ToString() => $"--- stdout ---\n{Output}\n--- stderr ---\n{Error}";

    /// <summary>Starts the service on <paramref name="port"/> (a free one when null) with the given extra arguments.</summary>
    public static ServiceProcess Start(string workingDirectory, int? port = null, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var chosen = port ?? FreePort();
        var start = new ProcessStartInfo(CliRun.DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliRun.ApiAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{chosen}");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("RoleGraph", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {CliRun.DotnetHost}.");
        var service = new ServiceProcess(process, chosen);
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => Append(service._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(service._error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(CliRun.Timeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The service did not exit within {CliRun.Timeout.TotalSeconds} s:\n{this}");
        }

        // The asynchronous readers finish once WaitForExit without a timeout has returned.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until /health/ready answers 200.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.HasExited, $"The service exited with {(_process.HasExited ? _process.ExitCode : 0)} before it was ready:\n{this}");
            Assert.True(deadline.Elapsed < Ready, $"The service was not ready within {Ready.TotalSeconds} s:\n{this}");
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await Http.GetAsync("/health/ready", timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>POSTs a GraphQL query; returns the whole response document.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> QueryAsync(string query)
    {
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("/graphql", content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return System.Text.Json.Nodes.JsonNode.Parse(text)!;
    }

    /// <summary>Ctrl+C's signal (SIGTERM): the service stops gracefully; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        return await WaitForExitAsync();
    }

    /// <summary>SIGKILL on Linux: no shutdown, no flush, no finally.</summary>
    public void Kill()
    {
        Killed = true;
        _process.Kill(entireProcessTree: true);
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(30)), "The killed service did not exit within 30 s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Killed = true;
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        Http.Dispose();
        _process.Dispose();
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.Length < 1_000_000)
            {
                log.Append(line).Append('\n');
            }
        }
    }

    private static string Read(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }
}
