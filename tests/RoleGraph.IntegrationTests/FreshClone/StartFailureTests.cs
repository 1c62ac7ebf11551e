using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Embedded;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.FreshClone;

/// <summary>
/// A start that cannot serve (its port taken, its data file held by another process, bad settings) ends with one
/// line on standard error, the documented exit code, no stack trace, and nothing written.
/// </summary>
public sealed class StartFailureTests : IDisposable
{
    private readonly TempDirectory _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_taken_port_exits_3_with_one_line_and_writes_no_data_file()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        using var service = ServiceProcess.Start(_workspace.Path, port);
        var exitCode = await service.WaitForExitAsync();

        Assert.True(exitCode == 3, $"exit {exitCode}\n{service}");
        var line = OneLine(service.Error);
        Assert.StartsWith($"RoleGraph cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);

        // Not seeded before the bind failed: the data directory was never even created.
        Assert.False(Directory.Exists(_workspace.Combine("data")), string.Join(", ", Directory.EnumerateFileSystemEntries(_workspace.Path)));
    }

    [Fact]
    public async Task A_data_file_held_by_another_process_exits_2_naming_it_and_leaves_it_unseeded()
    {
        var dataFile = _workspace.Combine("held.json");
        using var holder = new EmbeddedGraphStore(new GraphDataFile(dataFile), NullLogger<EmbeddedGraphStore>.Instance);
        await holder.InitializeAsync(TestContext.Current.CancellationToken);

        using var service = ServiceProcess.Start(_workspace.Path, args: ["--RoleGraph:Embedded:DataFile=held.json"]);
        var exitCode = await service.WaitForExitAsync();

        Assert.True(exitCode == 2, $"exit {exitCode}\n{service}");
        var line = OneLine(service.Error);
        Assert.StartsWith("RoleGraph cannot start: The store is unavailable: ", line, StringComparison.Ordinal);
        Assert.Contains(dataFile, line, StringComparison.Ordinal);
        Assert.Contains("in use by another RoleGraph process", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(dataFile), "The second instance wrote a snapshot.");
        Assert.Equal(0, new FileInfo(dataFile + ".journal").Length);
    }

    [Fact]
    public async Task The_same_command_twice_leaves_the_first_serving_and_the_second_exits_3()
    {
        var port = ServiceProcess.FreePort();
        using var first = ServiceProcess.Start(_workspace.Path, port);
        await first.WaitUntilReadyAsync();
        var snapshot = File.ReadAllBytes(_workspace.Combine(Path.Combine("data", "rolegraph.json")));

        using var second = ServiceProcess.Start(_workspace.Path, port);
        var exitCode = await second.WaitForExitAsync();

        Assert.True(exitCode == 3, $"exit {exitCode}\n{second}");
        Assert.StartsWith("RoleGraph cannot start: Failed to bind to address", OneLine(second.Error), StringComparison.Ordinal);
        Assert.Equal(snapshot, File.ReadAllBytes(_workspace.Combine(Path.Combine("data", "rolegraph.json"))));
        using var ready = await first.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Theory]
    [InlineData("--RoleGraph:Store=Mongo", "'RoleGraph:Store'")]
    [InlineData("--RoleGraph:Limits:MaxDepth=deep", "'RoleGraph:Limits:MaxDepth'")]
    [InlineData("--urls=not-a-url", "'not-a-url'")]
    public async Task Bad_settings_exit_1_with_one_line_naming_the_setting_and_write_nothing(string setting, string named)
    {
        using var service = ServiceProcess.Start(_workspace.Path, args: [setting]);
        var exitCode = await service.WaitForExitAsync();

        Assert.True(exitCode == 1, $"exit {exitCode}\n{service}");
        var line = OneLine(service.Error);
        Assert.StartsWith("RoleGraph cannot start: Invalid settings: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_workspace.Path));
    }

    private static string OneLine(string error)
    {
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, $"Expected one line on standard error, got {lines.Length}:\n{error}");
        return lines[0];
    }
}
