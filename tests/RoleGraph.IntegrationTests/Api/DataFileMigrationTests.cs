using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>
/// A data file written before the binary snapshot format (JSON, format version 1) serves as it is, and the service
/// rewrites it in the binary format once open, so the next start reads that; the graph is the same either way.
/// </summary>
public sealed class DataFileMigrationTests
{
    private const string JsonSnapshot = """
        { "formatVersion": 1, "revision": 4, "sources": [ { "name": "Old file", "license": "CC0" } ],
          "nodes": [ { "id": "old-role", "kind": "Role", "name": "Old role", "aliases": [ "Legacy role" ] },
                     { "id": "old-skill", "kind": "Skill", "name": "Old skill", "description": "From a JSON data file." } ],
          "links": [ { "from": "old-role", "to": "old-skill", "relation": "REQUIRES", "importance": 0.75, "level": 0.5 } ] }
        """;

    private const string Query = """{ role(id: "old-role") { id name aliases skills { skill { id name description } importance level } } }""";

    [Fact]
    public async Task A_format_version_1_data_file_serves_and_is_rewritten_in_the_binary_format()
    {
        var directory = Directory.CreateTempSubdirectory("rolegraph-migration-").FullName;
        try
        {
            string before;
            string dataFile;
            using (var first = Factory(directory))
            {
                dataFile = first.DataFile;
                await File.WriteAllTextAsync(dataFile, JsonSnapshot, TestContext.Current.CancellationToken);
                before = (await first.GraphQL().QueryAsync(Query)).ToJsonString();

                // The rewrite runs in the background once the store is open; it is one atomic replace of the file.
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (File.ReadAllBytes(dataFile)[0] != 0x89 && waited.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(50, TestContext.Current.CancellationToken);
                }
            }

            Assert.Equal(0x89, File.ReadAllBytes(dataFile)[0]);
            Assert.Equal(
                """{"role":{"id":"old-role","name":"Old role","aliases":["Legacy role"],"skills":[{"skill":{"id":"old-skill","name":"Old skill","description":"From a JSON data file."},"importance":0.75,"level":0.5}]}}""",
                before);

            using var second = Factory(directory);
            Assert.Equal(before, (await second.GraphQL().QueryAsync(Query)).ToJsonString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static RoleGraphApiFactory Factory(string directory)
    {
        var factory = new RoleGraphApiFactory { DataDirectory = directory };
        factory.Settings["RoleGraph:Seed:LoadWhenEmpty"] = "false";
        return factory;
    }
}
