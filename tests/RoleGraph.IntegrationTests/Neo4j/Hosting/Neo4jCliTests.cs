using RoleGraph.Tests.Cli;

namespace RoleGraph.Tests.Neo4j.Hosting;

/// <summary>The verbs on the Neo4j store: out of reach or refusing the credentials, they exit 2 with the reason.</summary>
public sealed class Neo4jCliTests
{
    [Fact]
    public async Task Export_with_neo4j_refusing_the_credentials_exits_2_saying_so()
    {
        await using var neo4j = await FakeNeo4jServer.StartAsync(TestContext.Current.CancellationToken);
        neo4j.Mode = FakeNeo4jMode.RefusingCredentials;

        var result = await CliRun.RunAsync(Path.GetTempPath(), Neo4jSettings(neo4j.Uri.ToString()), "export");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("The store is unavailable", result.Error, StringComparison.Ordinal);
        Assert.Contains("Unauthorized", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Import_with_nothing_listening_exits_2_and_names_the_server()
    {
        await using var neo4j = await FakeNeo4jServer.StartAsync(TestContext.Current.CancellationToken);
        var uri = neo4j.Uri.ToString();
        await neo4j.DisposeAsync(); // the port is now closed: connection refused
        var file = Path.Combine(Path.GetTempPath(), $"rolegraph-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "formatVersion: 1\ntaxonomy: { name: One }\nnodes:\n  - { id: sql, kind: Skill, name: SQL }\n", TestContext.Current.CancellationToken);
        try
        {
            var result = await CliRun.RunAsync(Path.GetTempPath(), Neo4jSettings(uri), "import", file);

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains($"Could not reach Neo4j at {uri.TrimEnd('/')}", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Dictionary<string, string> Neo4jSettings(string uri) => new()
    {
        ["RoleGraph__Store"] = "Neo4j",
        ["Neo4j__Uri"] = uri,
        ["Neo4j__Api"] = "Http",
        ["Neo4j__Password"] = "wrong-password",
        ["Neo4j__MaxRetries"] = "0",
    };
}
