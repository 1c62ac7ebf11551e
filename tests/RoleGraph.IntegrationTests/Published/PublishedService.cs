using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Published;

/// <summary>
/// The published executable running as the service, as a container runs it: no verb, Production, its shipped
/// settings, on a loopback port and a data file of the test's own, with one API key for writes. Keeps what it logs
/// (standard output and error, in order), so that a failed request can be reported with what the service said.
/// </summary>
public sealed class PublishedService : IAsyncDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private int _lastRequestAt;
    private string _lastResponse = "";

    private PublishedService(Process process, int port, string dataFile)
    {
        _process = process;
        Port = port;
        DataFile = dataFile;
        var address = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var keyed = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        keyed.DefaultRequestHeaders.Add("X-Api-Key", RoleGraphApiFactory.TestApiKey);
        GraphQL = new GraphQLClient(keyed);
        Anonymous = new GraphQLClient(Http);
    }

    public int Port { get; }

    /// <summary>The executable's process, for what the kernel says of it (/proc).</summary>
    public int ProcessId => _process.Id;

    public string DataFile { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Http { get; }

    /// <summary>A client with the API key, so it may write.</summary>
    public GraphQLClient GraphQL { get; }

    public GraphQLClient Anonymous { get; }

    /// <summary>Everything the service wrote so far, standard error lines marked.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the executable over <paramref name="dataFile"/> and waits until it is ready.</summary>
    public static async Task<PublishedService> StartAsync(PublishedBinary binary, string dataFile, params string[] settings)
    {
        var port = ServiceProcess.FreePort();
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{port}",
            "--RoleGraph:Embedded:DataFile=" + dataFile,
            "--RoleGraph:Auth:ApiKeys:0:Name=tests",
            "--RoleGraph:Auth:ApiKeys:0:Sha256=" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RoleGraphApiFactory.TestApiKey))),
            .. settings,
        ];
        var process = Process.Start(binary.StartInfo(Path.GetDirectoryName(dataFile)!, args)) ?? throw new InvalidOperationException($"Could not start {binary.Executable}.");
        var service = new PublishedService(process, port, dataFile);
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => service.Append(e.Data, "");
        process.ErrorDataReceived += (_, e) => service.Append(e.Data, "[stderr] ");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilReadyAsync();
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>Posts a GraphQL request with the API key; <see cref="Explain"/> then describes it.</summary>
    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string accept = GraphQLClient.ResponseJson)
    {
        Mark();
        var response = await GraphQL.PostAsync(query, variables, accept);
        _lastResponse = $"HTTP {(int)response.Status}: {response.Text}";
        return response;
    }

    /// <summary>Posts a request that must succeed without errors; returns its data.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        await AssertAsync(response.Status == HttpStatusCode.OK && response.Errors is null && response.Data is not null);
        return response.Data!;
    }

    /// <summary>Notes where the log stood before a request made other than through this class.</summary>
    public void Mark()
    {
        lock (_log)
        {
            _lastRequestAt = _log.Length;
        }
    }

    /// <summary>Fails the test unless <paramref name="condition"/> holds, with <see cref="ExplainAsync"/>'s account.</summary>
    public async Task AssertAsync(bool condition, string? what = null)
    {
        if (!condition)
        {
            Assert.Fail(await ExplainAsync(what));
        }
    }

    /// <summary>
    /// For an assertion's message: the last response and what the service logged since its request (after a moment,
    /// since the log reaches the pipe after the answer). An exception of an ahead-of-time build shows up there.
    /// </summary>
    public async Task<string> ExplainAsync(string? what = null)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        return $"{what ?? _lastResponse}\n--- the service's log since the request ---\n{LogSinceMark()}";
    }

    /// <summary>
    /// Lines the service logged at error or critical level (the console logger's "fail:" and "crit:") since the last
    /// request or <see cref="Mark"/>.
    /// </summary>
    public string[] Failures() =>
        LogSinceMark().Split('\n').Where(l => l.StartsWith("fail: ", StringComparison.Ordinal) || l.StartsWith("crit: ", StringComparison.Ordinal)).ToArray();

    /// <summary>Ctrl+C's signal (SIGTERM), as `docker stop` sends: the service stops gracefully; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The service did not stop within 30 s of SIGTERM:\n{Log}");
        }

        // The asynchronous readers finish once WaitForExit without a timeout has returned.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(30)), "The killed service did not exit within 30 s.");
    }

    public override string ToString() => $"--- the service's log ---\n{Log}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        }

        GraphQL.Http.Dispose();
        Http.Dispose();
        _process.Dispose();
    }

    private string LogSinceMark()
    {
        lock (_log)
        {
            return _log.ToString(_lastRequestAt, _log.Length - _lastRequestAt);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.HasExited, $"The service exited with {(_process.HasExited ? _process.ExitCode : 0)} before it was ready:\n{Log}");
            Assert.True(deadline.Elapsed < Ready, $"The service was not ready within {Ready.TotalSeconds} s:\n{Log}");
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative), timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }
    }

    private void Append(string? line, string prefix)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < 4_000_000)
            {
                _log.Append(prefix).Append(line).Append('\n');
            }
        }
    }
}
