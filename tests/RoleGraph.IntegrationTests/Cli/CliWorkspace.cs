
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Cli;

/// <summary>
/// A working directory of one test: the program runs in it, its data files and taxonomy files live in it, and it
/// is deleted with everything in it afterwards.
/// </summary>
internal sealed class CliWorkspace : IDisposable
{
    /// <summary>The data file the verbs use unless told otherwise; relative, so it resolves in the working directory.</summary>
    public const string DataFile = "rolegraph.json";

    private readonly TempDirectory _directory = new();

    public string Path => _directory.Path;

    public string Combine(string name) => _directory.Combine(name);

    /// <summary>Writes a file in the workspace; returns its name (relative, as a user would type it).</summary>
    public string Write(string name, string text)
    {
        _directory.Write(name, text);
        return name;
    }

    public Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync(Path, args);

    /// <summary>Runs a verb that must succeed.</summary>
    public async Task<CliResult> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"`{string.Join(' ', args)}` failed: {result}");
        return result;
    }

    /// <summary>The whole store of a data file, exported to standard output.</summary>
    public async Task<string> ExportAsync(string dataFile = DataFile, string format = "yaml")
    {
        var result = await SucceedAsync("export", "--format", format, "--data-file", dataFile);
        Assert.False(string.IsNullOrWhiteSpace(result.Output), $"Empty export: {result}");
        return result.Output;
    }

    public void Dispose() => _directory.Dispose();
}
