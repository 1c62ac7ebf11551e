using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Cli;

/// <summary>The program the CLI tests run is the one built into the test output, with its settings and seed.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void The_api_program_its_settings_and_the_seed_are_in_the_test_output()
    {
        foreach (var file in new[] { "RoleGraph.Api.dll", "RoleGraph.Api.runtimeconfig.json", "RoleGraph.Api.deps.json", "appsettings.json" })
        {
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, file)), $"{file} is not in {AppContext.BaseDirectory}.");
        }

        Assert.True(File.Exists(CliRun.DotnetHost) || CliRun.DotnetHost is "dotnet" or "dotnet.exe", CliRun.DotnetHost);
        Assert.NotEmpty(CliRun.SeedFiles);
        foreach (var file in CliRun.SeedFiles)
        {
            Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf(Path.Combine("seed", Path.GetFileName(file)))), File.ReadAllText(file));
        }
    }

    [Fact]
    public async Task Help_lists_every_verb()
    {
        var result = await _workspace.SucceedAsync("--help");

        foreach (var verb in new[] { "schema", "validate", "import", "export", "import-onet" })
        {
            Assert.Contains(verb, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Schema_export_writes_the_same_text_as_schema_graphql()
    {
        var result = await _workspace.SucceedAsync("schema", "export", "--output", "exported.graphql");

        var written = File.ReadAllText(_workspace.Combine("exported.graphql"));
        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("schema.graphql")).ReplaceLineEndings("\n"), written.ReplaceLineEndings("\n"));
        Assert.Contains(_workspace.Combine("exported.graphql"), result.Output, StringComparison.Ordinal);
        Assert.Equal(new[] { "exported.graphql" }, Directory.EnumerateFileSystemEntries(_workspace.Path).Select(Path.GetFileName));
    }
}
