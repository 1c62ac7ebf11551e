using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Robustness;

/// <summary>
/// The real program killed with SIGKILL in the middle of a stream of writes keeps every write it acknowledged, and its
/// data file opens again; three rounds over the same data file.
/// </summary>
public sealed class KillRecoveryTests
{
    private const string Key = "kill-test-key";
    private const int Rounds = 3;
    private const int Senders = 8;
    private const int AcknowledgedBeforeKill = 300;

    /// <summary>Large enough that the journal passes the 4 MiB compaction threshold several times, so kills also land near compactions.</summary>
    private const int DescriptionLength = 48 * 1024;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Every_acknowledged_write_survives_kill_9_and_the_data_file_opens()
    {
        var workspace = Directory.CreateTempSubdirectory("rolegraph-kill-").FullName;
        var everAcknowledged = new HashSet<string>(StringComparer.Ordinal);
        var everSent = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            for (var round = 1; round <= Rounds; round++)
            {
                using (var server = await StartAsync(workspace))
                {
                    // What earlier rounds had acknowledged is still there after their kills.
                    await AssertHeldAsync(server, everAcknowledged, everSent, $"start of round {round}");

                    var acknowledged = new ConcurrentBag<string>();
                    var sent = new ConcurrentBag<string>();
                    using var stop = new CancellationTokenSource();
                    var senders = Enumerable.Range(0, Senders).Select(s => SendAsync(server, round, s, acknowledged, sent, stop.Token)).ToArray();

                    var deadline = Stopwatch.StartNew();
                    while (acknowledged.Count < AcknowledgedBeforeKill)
                    {
                        Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), $"Round {round}: only {acknowledged.Count} writes acknowledged in 90 s.\n{server}");
                        Assert.False(senders.All(t => t.IsCompleted), $"Round {round}: the senders stopped: {string.Join("; ", senders.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!.Message))}\n{server}");
                        await Task.Delay(TimeSpan.FromMilliseconds(5), TestContext.Current.CancellationToken);
                    }

                    // Kill -9 while the senders are still sending; then let them see their connections fail.
                    var atKill = acknowledged.Count;
                    server.Kill();
                    stop.CancelAfter(TimeSpan.FromSeconds(5));
                    await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

                    everAcknowledged.UnionWith(acknowledged);
                    everSent.UnionWith(sent);
                    TestContext.Current.TestOutputHelper?.WriteLine(
                        $"round {round}: {atKill} acknowledged when killed, {acknowledged.Count} in all, {sent.Count} sent, {sent.Count - acknowledged.Count} unanswered; files: {Files(workspace)}");
                }

                using (var restarted = await StartAsync(workspace))
                {
                    var held = await AssertHeldAsync(restarted, everAcknowledged, everSent, $"after kill {round}");
                    TestContext.Current.TestOutputHelper?.WriteLine(
                        $"after kill {round}: {held} of {everSent.Count} sent writes held, {everAcknowledged.Count} acknowledged");
                    restarted.Kill(); // not under test any more: the data file was already checked
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(workspace, recursive: true);
            }
            catch (IOException)
            {
                // Left behind in the temp directory; harmless.
            }
        }
    }

    /// <summary>One sender: upserts skills with ids of its own until stopped or the server is gone.</summary>
    private static async Task SendAsync(ServiceProcess server, int round, int sender, ConcurrentBag<string> acknowledged, ConcurrentBag<string> sent, CancellationToken stop)
    {
        await Task.Yield();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var id = $"kill-r{round}-s{sender}-n{n}";
            var body = RobustRequests.Body("mutation($input: NodeInput!) { upsertSkill(input: $input) { id name } }", new { input = new { id, name = NameOf(id), description = DescriptionOf(id) } });
            sent.Add(id);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(RequestTimeout);
                using var response = await server.Http.PostAsync("/graphql", content, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(text) is { } json && json["errors"] is null && (string?)json["data"]?["upsertSkill"]?["id"] == id)
                {
                    acknowledged.Add(id);
                }
                else
                {
                    Assert.Fail($"{id}: HTTP {(int)response.StatusCode}: {text}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException && server.Killed)
            {
                return;
            }
        }
    }

    private static string NameOf(string id) => "Killed " + id;

    private static string DescriptionOf(string id) => string.Concat(Enumerable.Repeat(id + " ", DescriptionLength / (id.Length + 1) + 1))[..DescriptionLength];

    private static async Task<JsonNode> PostAsync(ServiceProcess server, string query, object? variables, string when)
    {
        using var content = new StringContent(RobustRequests.Body(query, variables), Encoding.UTF8, "application/json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var response = await server.Http.PostAsync("/graphql", content, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{when}: HTTP {(int)response.StatusCode}: {RobustRequests.Shorten(text)}");
        var json = JsonNode.Parse(text)!;
        Assert.True(json["errors"] is null, $"{when}: {RobustRequests.Shorten(text)}");
        return json["data"]!;
    }

    /// <summary>The data file's parts as they lie after a kill: snapshot, journal and any compaction left-overs.</summary>
    private static string Files(string workspace) => string.Join(", ", new DirectoryInfo(workspace).EnumerateFiles("*", SearchOption.AllDirectories)
        .OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name} {f.Length / 1024} KiB"));

    /// <summary>Asserts every acknowledged write is held, and nothing but sent writes; returns how many sent writes are held.</summary>
    private static async Task<int> AssertHeldAsync(ServiceProcess server, HashSet<string> acknowledged, HashSet<string> sent, string when)
    {
        var nodes = new Dictionary<string, (string? Name, string? Description)>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = (await PostAsync(
                server,
                "query($after: String) { skills(first: 100, after: $after, where: { id: { startsWith: \"kill-\" } }) { nodes { id name description } pageInfo { hasNextPage endCursor } } }",
                new { after },
                when))["skills"]!;
            foreach (var node in page["nodes"]!.AsArray())
            {
                nodes.Add((string)node!["id"]!, ((string?)node["name"], (string?)node["description"]));
            }

            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? (string?)page["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);

        var seed = await PostAsync(server, "{ role(id: \"data-scientist\") { skills { skill { id } } } }", null, when);
        Assert.NotEmpty(seed["role"]!["skills"]!.AsArray());

        var lost = acknowledged.Where(id => !nodes.ContainsKey(id)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(lost.Length == 0, $"{when}: {lost.Length} acknowledged writes lost, e.g. {string.Join(", ", lost.Take(10))}");
        var phantom = nodes.Keys.Where(id => !sent.Contains(id)).ToArray();
        Assert.True(phantom.Length == 0, $"{when}: nodes nobody sent: {string.Join(", ", phantom.Take(10))}");
        var wrong = nodes.Where(n => n.Value.Name != NameOf(n.Key) || n.Value.Description != DescriptionOf(n.Key)).Select(n => n.Key).ToArray();
        Assert.True(wrong.Length == 0, $"{when}: nodes with another name: {string.Join(", ", wrong.Take(10))}");
        return nodes.Count;
    }

    /// <summary>The real program on a loopback port over a data file in the workspace, with a key for writes, ready.</summary>
    private static async Task<ServiceProcess> StartAsync(string workspace)
    {
        var service = ServiceProcess.Start(
            workspace,
            args:
            [
                "--RoleGraph:Embedded:DataFile=" + Path.Combine(workspace, "g.json"),
                "--RoleGraph:Auth:ApiKeys:0:Name=t",
                "--RoleGraph:Auth:ApiKeys:0:Sha256=" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
                "--RoleGraph:Limits:RequestsPerSecond=100000",
                "--RoleGraph:Limits:RequestBurst=100000",
                "--Logging:LogLevel:Default=Warning",
            ]);
        try
        {
            await service.WaitUntilReadyAsync();
        }
        catch
        {
            service.Dispose();
            throw;
        }

        service.Http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return service;
    }
}
