using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Embedded;

namespace RoleGraph.Tests.Cli;

/// <summary>While another process holds the data file, the verbs that need the store exit 2 naming the file.</summary>
public sealed class StoreUnavailableTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Verbs_needing_a_locked_store_exit_2_naming_the_data_file_and_work_once_it_is_released()
    {
        var dataFile = _workspace.Combine(CliWorkspace.DataFile);
        var file = _workspace.Write("skill.yaml", "formatVersion: 1\ntaxonomy: { name: One }\nnodes:\n  - { id: sql, kind: Skill, name: SQL }\n");
        var holder = new EmbeddedGraphStore(new GraphDataFile(dataFile), NullLogger<EmbeddedGraphStore>.Instance);
        try
        {
            await holder.InitializeAsync(TestContext.Current.CancellationToken);

            foreach (var args in new[]
            {
                new[] { "import", file, "--data-file", CliWorkspace.DataFile },
                ["export", "--data-file", CliWorkspace.DataFile],
                ["import-onet", Onet.OnetData.ExcerptDirectory, "--data-file", CliWorkspace.DataFile],
            })
            {
                var result = await _workspace.RunAsync(args);

                Assert.True(result.ExitCode == 2, $"{args[0]}: {result}");
                Assert.Contains(dataFile, result.Error, StringComparison.Ordinal);
                Assert.Equal("", result.Output);
            }

            Assert.Equal(0, holder.Snapshot.NodeCount);
        }
        finally
        {
            holder.Dispose();
        }

        var afterRelease = await _workspace.SucceedAsync("import", file, "--data-file", CliWorkspace.DataFile);
        Assert.StartsWith("Nodes were: 1 created,", afterRelease.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_data_file_exits_2_naming_it_and_is_left_as_it_was()
    {
        var dataFile = _workspace.Write(CliWorkspace.DataFile, "this is not a graph {");
        var file = _workspace.Write("skill.yaml", "formatVersion: 1\ntaxonomy: { name: One }\nnodes:\n  - { id: sql, kind: Skill, name: SQL }\n");

        var result = await _workspace.RunAsync("import", file, "--data-file", dataFile);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(_workspace.Combine(CliWorkspace.DataFile), result.Error, StringComparison.Ordinal);
        Assert.Equal("this is not a graph {", File.ReadAllText(_workspace.Combine(CliWorkspace.DataFile)));
    }
}
