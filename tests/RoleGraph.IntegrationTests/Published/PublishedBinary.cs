using System.Diagnostics;
using System.Runtime.InteropServices;
using RoleGraph.Tests.Cli;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Published;

/// <summary>
/// The service as the Docker image ships it: src/RoleGraph.Api published for this machine's architecture with the
/// Dockerfile's command (<c>dotnet publish -c Release -a amd64|arm64 -o DIR</c>), which compiles it ahead of time
/// (Native AOT) into one executable beside its settings, seed/, ide/ and explorer/. Published once per run, into a
/// temporary directory, for the classes of <see cref="PublishedOnce"/>.
/// <para>
/// <c>ROLEGRAPH_PUBLISHED_BINARY=PATH</c> skips the publish and tests that executable instead, e.g. after
/// <c>dotnet publish -c Release -a amd64 src/RoleGraph.Api</c> the file
/// src/RoleGraph.Api/bin/Release/net10.0/linux-x64/publish/RoleGraph.Api. A path ending in .dll is run with the
/// dotnet host instead (e.g. the RoleGraph.Api.dll of this test project's output): the same tests on the JIT, to tell
/// a failure of the ahead-of-time build from a wrong test.
/// </para>
/// <para>
/// Native AOT links with a C compiler (clang, or gcc where clang is missing): without either on PATH the tests are
/// skipped, saying so. A publish that fails fails every test, with the end of its output.
/// </para>
/// </summary>
public sealed class PublishedBinary : IAsyncLifetime
{
    public const string OverrideVariable = "ROLEGRAPH_PUBLISHED_BINARY";

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(20);

    private DirectoryInfo? _publishRoot;
    private string? _skipReason;
    private string? _failure;

    /// <summary>The executable (or, on the JIT, RoleGraph.Api.dll).</summary>
    public string Executable { get; private set; } = "";

    /// <summary>The publish directory: the executable with its settings, seed/, ide/ and explorer/.</summary>
    public string OutputDirectory => Path.GetDirectoryName(Executable)!;

    public string SeedDirectory => Path.Combine(OutputDirectory, "seed");

    /// <summary>Whether there is an executable to test (else <see cref="EnsureAvailable"/> skips or fails).</summary>
    public bool IsAvailable => _skipReason is null && _failure is null;

    public bool RunsOnTheJit => Executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the executable came from, for the test output.</summary>
    public string Origin { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            var path = Path.GetFullPath(given);
            if (File.Exists(path))
            {
                Executable = path;
                Origin = $"{OverrideVariable}={path}";
            }
            else
            {
                _failure = $"{OverrideVariable}={given}, but {path} does not exist.";
            }

            return;
        }

        var architecture = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "amd64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        if (!OperatingSystem.IsLinux() || architecture is null)
        {
            _skipReason = $"The image's executable is built for Linux on amd64 or arm64; this is {RuntimeInformation.OSDescription} on {RuntimeInformation.OSArchitecture}. "
                + $"Set {OverrideVariable} to test an executable published elsewhere.";
            return;
        }

        if (OnPath("clang") is null && OnPath("gcc") is null)
        {
            _skipReason = "Native AOT links the published service with a C compiler, and neither clang nor gcc is on PATH "
                + $"(the Dockerfile installs clang). Set {OverrideVariable} to test an executable published elsewhere.";
            return;
        }

        await PublishAsync(architecture);
    }

    /// <summary>Skips the calling test where the executable cannot be had here; fails it where the publish failed.</summary>
    public void EnsureAvailable()
    {
        if (_skipReason is not null)
        {
            Assert.Skip(_skipReason);
        }

        if (_failure is not null)
        {
            Assert.Fail(_failure);
        }
    }

    /// <summary>
    /// How to run the executable with these arguments, as the image does: none of the caller's RoleGraph or ASP.NET
    /// Core settings, so it runs in Production on its shipped settings unless the arguments say otherwise.
    /// </summary>
    internal ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(RunsOnTheJit ? CliRun.DotnetHost : Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (RunsOnTheJit)
        {
            start.ArgumentList.Add(Executable);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("RoleGraph", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        return start;
    }

    /// <summary>Runs a verb of the executable to its end, in a bounded time.</summary>
    internal async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args)) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(CliRun.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{Path.GetFileName(Executable)} {string.Join(' ', args)}` did not finish within {CliRun.Timeout.TotalSeconds} s.");
        }

        return new CliResult(process.ExitCode, (await output).ReplaceLineEndings("\n"), (await error).ReplaceLineEndings("\n"));
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            _publishRoot?.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A publish left in the temp directory is harmless; failing the run over it is not.
        }

        return ValueTask.CompletedTask;
    }

    private async Task PublishAsync(string architecture)
    {
        _publishRoot = Directory.CreateTempSubdirectory("rolegraph-published-");
        var output = Path.Combine(_publishRoot.FullName, "app");
        string[] args =
        [
            "publish", RepositoryFiles.PathOf(Path.Combine("src", "RoleGraph.Api", "RoleGraph.Api.csproj")), "-c", "Release", "-a", architecture, "-o", output,
            // Intermediate files of its own, as the image's fresh build stage has: a developer's build or publish in
            // src/*/obj at the same time neither disturbs this one nor is disturbed by it.
            "--artifacts-path", Path.Combine(_publishRoot.FullName, "artifacts"),
            // No MSBuild or compiler server left running after the test.
            "--disable-build-servers", "-nologo",
            .. NpmSwitches(),
        ];
        var start = new ProcessStartInfo(CliRun.DotnetHost)
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A runner started by `dotnet test` passes its own MSBuild's location down; the publish finds its SDK itself.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        var command = $"dotnet {string.Join(' ', args)}";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {CliRun.DotnetHost}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            _failure = $"`{command}` did not finish within {PublishTimeout.TotalMinutes} minutes:\n{Tail(await stdout + await stderr)}";
            return;
        }

        var log = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            _failure = $"`{command}` failed with exit code {process.ExitCode} after {clock.Elapsed.TotalMinutes:0.0} minutes:\n{Tail(log)}";
            return;
        }

        Executable = Path.Combine(output, "RoleGraph.Api");
        Origin = $"published by this run in {clock.Elapsed.TotalMinutes:0.0} minutes: {command}";
        if (!File.Exists(Executable))
        {
            _failure = $"`{command}` succeeded but wrote no executable RoleGraph.Api; it wrote: "
                + string.Join(", ", Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// The Dockerfile switches npm off because its earlier stages bring node_modules and the explorer's dist/. Here
    /// each is switched off only where it already exists (the test build made it): a publish then never reinstalls the
    /// packages a developer's build beside it is using. Where one is missing, the project's targets install and build
    /// it, as on a fresh clone (which needs npm).
    /// </summary>
    private static IEnumerable<string> NpmSwitches()
    {
        if (File.Exists(RepositoryFiles.PathOf(Path.Combine("src", "RoleGraph.Api", "node_modules", "@chillicream", "bananacakepop-graphql-ide", "index.html"))))
        {
            yield return "-p:BananaCakePopNpmInstall=false";
        }

        if (File.Exists(RepositoryFiles.PathOf(Path.Combine("src", "RoleGraph.Explorer", "dist", "index.html"))))
        {
            yield return "-p:ExplorerBuild=false";
        }
    }

    /// <summary>The errors of a build log, then its last lines (the ahead-of-time compiler's warnings come before them).</summary>
    private static string Tail(string log)
    {
        var lines = log.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errors = lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Take(20).ToArray();
        var tail = lines.TakeLast(40);
        return (errors.Length > 0 ? "Errors:\n" + string.Join('\n', errors) + "\n" : "") + "The last lines of the output:\n" + string.Join('\n', tail);
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists);
}
