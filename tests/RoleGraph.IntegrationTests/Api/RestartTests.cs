using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>The seeded graph is persisted to the data file and read back by the next process.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_restarted_service_answers_from_its_data_file_without_reseeding()
    {
        using var temporary = new TempDirectory();
        var directory = temporary.Path;
        System.Text.Json.Nodes.JsonNode before;
        using (var first = new RoleGraphApiFactory { DataDirectory = directory })
        {
            before = await first.GraphQL().QueryAsync("{ skills(first: 100) { totalCount nodes { id } } }");
            Assert.True(File.Exists(first.DataFile + ".journal"));
        }

        using var second = new RoleGraphApiFactory { DataDirectory = directory };
        second.Settings["RoleGraph:Seed:LoadWhenEmpty"] = "false";
        second.Settings["RoleGraph:Seed:Path"] = "does-not-exist";
        var after = await second.GraphQL().QueryAsync("{ skills(first: 100) { totalCount nodes { id } } }");

        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal(14, (int)after["skills"]!["totalCount"]!);
    }

    [Fact]
    public async Task An_empty_store_without_seeding_serves_an_empty_graph()
    {
        using var app = new RoleGraphApiFactory();
        app.Settings["RoleGraph:Seed:LoadWhenEmpty"] = "false";

        var data = await app.GraphQL().QueryAsync("{ roles { totalCount } }");

        Assert.Equal(0, (int)data["roles"]!["totalCount"]!);
    }
}
