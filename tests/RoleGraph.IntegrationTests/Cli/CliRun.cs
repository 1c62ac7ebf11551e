using System.Diagnostics;
using System.Runtime.InteropServices;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Cli;

/// <summary>What one run of the program printed and exited with.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs the real program as a child process, as a user would: <c>dotnet RoleGraph.Api.dll VERB ...</c> from the test
/// output directory (the build copies the Api assembly, its appsettings.json and seed/ there), in a working
/// directory of the test's own, with a bounded time.
/// </summary>
internal static class CliRun
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string ApiAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "RoleGraph.Api.dll");

    /// <summary>The seed directory the program loads into an empty store.</summary>
    public static string SeedDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "seed");

    /// <summary>The seed as the program reads it, to count against.</summary>
    public static TaxonomyDocument Seed { get; } = TaxonomyReader.ReadDirectory(SeedDirectory);

    /// <summary>The seed's taxonomy files (full paths).</summary>
    public static string[] SeedFiles { get; } = Directory.EnumerateFiles(SeedDirectory).Where(TaxonomyReader.IsTaxonomyFile).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The dotnet host running the tests (the runtime lives at dotnet/shared/Microsoft.NETCore.App/VERSION/).</summary>
    public static string DotnetHost { get; } = FindHost();

    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs a verb with extra environment variables (settings such as RoleGraph__Store, Neo4j__Uri).</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ApiAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The program reads RoleGraph settings from the environment too; the test's own settings come from its arguments.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("RoleGraph", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {DotnetHost}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{string.Join(' ', args)}` did not finish within {Timeout.TotalSeconds} s.");
        }

        return new CliResult(process.ExitCode, (await output).ReplaceLineEndings("\n"), (await error).ReplaceLineEndings("\n"));
    }

    private static string FindHost()
    {
        var name = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var candidate = Path.Combine(root, name);
        if (File.Exists(candidate))
        {
            return candidate;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : name;
    }
}
