using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using RoleGraph.Embedded;
using RoleGraph.Tests.Cli;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.FreshClone;

/// <summary>
/// The first start as the README describes it, on an empty working directory: Production unless told otherwise,
/// no warning, the seeded graph in data/rolegraph.json, each log line once, a clean stop.
/// </summary>
public sealed partial class FirstStartTests : IDisposable
{
    private readonly TempDirectory _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [GeneratedRegex(@"^(warn|fail|crit): ", RegexOptions.Multiline)]
    private static partial Regex WarningOrWorse();

    [Fact]
    public async Task The_first_start_runs_in_production_without_warnings_and_writes_the_seeded_snapshot()
    {
        using var service = ServiceProcess.Start(_workspace.Path);
        await service.WaitUntilReadyAsync();

        var dataFile = _workspace.Combine(Path.Combine("data", "rolegraph.json"));
        Assert.True(File.Exists(dataFile), $"No snapshot after the first start: {string.Join(", ", Directory.EnumerateFiles(_workspace.Combine("data")).Select(Path.GetFileName))}");
        var snapshot = BinarySnapshotReader.Read(File.ReadAllBytes(dataFile));
        Assert.Equal(CliRun.Seed.Nodes.Count, snapshot.Nodes.Count);
        Assert.Equal(CliRun.Seed.Links.Count, snapshot.Links.Count);

        Assert.Equal(0, new FileInfo(dataFile + ".journal").Length);

        var exitCode = await service.StopAsync();

        Assert.True(exitCode == 0, $"exit {exitCode}\n{service}");
        Assert.Contains("Hosting environment: Production", service.Output, StringComparison.Ordinal);
        Assert.False(WarningOrWorse().IsMatch(service.Output), service.ToString());
        Assert.Equal("", service.Error);
    }

    [Fact]
    public async Task A_bad_api_key_is_refused_and_logged_once()
    {
        using var service = ServiceProcess.Start(_workspace.Path);
        await service.WaitUntilReadyAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"mutation { upsertSkill(input: {id: \"sql\", name: \"SQL\"}) { id } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", "not-a-key");
        using var response = await service.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await service.StopAsync();

        var mentions = service.Output.Split('\n').Count(line => line.Contains("The API key is not valid", StringComparison.Ordinal));
        Assert.True(mentions == 1, $"The bad key was logged {mentions} times:\n{service}");
    }
}
