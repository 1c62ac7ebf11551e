using System.Globalization;
using System.Text.Json.Nodes;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Robustness;

/// <summary>100 writers at once over HTTP end in the graph the same writes make one after another.</summary>
public sealed class ConcurrentWriterTests
{
    private const int Writers = 100;

    private static double Importance(int i) => (i % 100 + 1) / 100.0;

    private static double Level(int i) => (i * 7 % 100) / 100.0;

    /// <summary>Writer i's requests, in its own order: its skill, its weighted link, and every tenth also the shared node.</summary>
    private static IEnumerable<(string Query, object? Variables)> WritesOf(int i)
    {
        var id = $"concurrent-skill-{i}";
        yield return ("mutation($input: NodeInput!) { upsertSkill(input: $input) { id } }",
            new { input = new { id, name = $"Concurrent skill {i}", aliases = new[] { $"cs{i}" }, properties = new[] { new { key = "writer", value = i.ToString(CultureInfo.InvariantCulture) } } } });
        yield return ("mutation($to: ID!, $importance: Float!, $level: Float!) { link(fromId: \"data-scientist\", toId: $to, relation: REQUIRES, importance: $importance, level: $level) { importance level } }",
            new { to = id, importance = Importance(i), level = Level(i) });
        if (i % 10 == 0)
        {
            // The shared node is written with the same fields by every writer, so the order does not matter; the links it gains do not conflict.
            yield return ("mutation { upsertSkill(input: { id: \"shared-skill\", name: \"Shared skill\", description: \"Written by many.\" }) { id } }", null);
            yield return ("mutation($to: ID!) { link(fromId: \"shared-skill\", toId: $to, relation: RELATED_TO) { relation } }", new { to = id });
        }

        // Everyone updates data-scientist's existing link to python to the same weights.
        yield return ("mutation { link(fromId: \"data-scientist\", toId: \"python\", relation: REQUIRES, importance: 0.95, level: 0.9) { importance } }", null);
    }

    [Fact]
    public async Task Concurrent_writers_end_in_the_graph_of_the_same_writes_made_serially()
    {
        var data = Directory.CreateTempSubdirectory("rolegraph-concurrent-").FullName;
        try
        {
            await RunAsync(data);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task RunAsync(string data)
    {
        var concurrentApp = UnusualStringTests.Fast(data);
        using var serialApp = UnusualStringTests.Fast();
        using var disposeConcurrent = concurrentApp;
        var concurrent = concurrentApp.GraphQL();
        var serial = serialApp.GraphQL();
        await concurrent.AssertAliveAsync();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            foreach (var (query, variables) in WritesOf(i))
            {
                var response = await concurrent.SendAsync(query, variables);
                Assert.False(response.Refused(), $"writer {i}: {response.Text}");
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        start.SetResult();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

        // A shared node first written by writer 0 serially; the concurrent run may have created it from any writer, with the same fields.
        for (var i = 0; i < Writers; i++)
        {
            foreach (var (query, variables) in WritesOf(i))
            {
                var response = await serial.SendAsync(query, variables);
                Assert.False(response.Refused(), $"serial writer {i}: {response.Text}");
            }
        }

        var expected = await serial.ExportJsonAsync();
        var actual = await concurrent.ExportJsonAsync();

        // Spelled out first, so a difference says what is missing.
        var graph = JsonNode.Parse(actual)!;
        var links = graph["links"]!.AsArray().Select(l => l!).ToArray();
        for (var i = 0; i < Writers; i++)
        {
            var id = $"concurrent-skill-{i}";
            Assert.Contains(graph["nodes"]!.AsArray(), n => (string?)n!["id"] == id && (string?)n["name"] == $"Concurrent skill {i}");
            var link = Assert.Single(links, l => (string?)l["from"] == "data-scientist" && (string?)l["to"] == id);
            Assert.Equal(Importance(i), (double)link["importance"]!);
            Assert.Equal(Level(i), (double)link["level"]!);
        }

        Assert.Equal(Writers / 10, links.Count(l => (string?)l["relation"] == "RELATED_TO" && ((string?)l["from"] == "shared-skill" || (string?)l["to"] == "shared-skill")));
        Assert.Equal(expected, actual);

        // Restarted over the same data file, the store holds the same graph.
        concurrentApp.Dispose();
        using var reopened = new RoleGraphApiFactory { DataDirectory = data };
        Assert.Equal(expected, await reopened.GraphQL().ExportJsonAsync());
    }
}
