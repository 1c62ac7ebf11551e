namespace RoleGraph.Benchmarks;

/// <summary>
/// What this run measures and where things are. Set once by <see cref="Program"/> before BenchmarkDotNet starts; the
/// benchmarks run in this process (in-process toolchain), so they read the same instance.
/// </summary>
public sealed class BenchSettings
{
    public static BenchSettings Current { get; set; } = new();

    public bool Quick { get; init; }

    public string RepositoryRoot { get; init; } = FindRepositoryRoot();

    /// <summary>The O*NET 29.3 text database: --onet, else ROLEGRAPH_ONET_DIR, else ../shared/datasets/onet-29.3 beside the repository.</summary>
    public string OnetDirectory { get; init; } = DefaultOnetDirectory();

    /// <summary>Where BenchmarkDotNet and the other modes write results (git-ignored).</summary>
    public string ArtifactsDirectory => Path.Combine(RepositoryRoot, "bench", "artifacts", Quick ? "quick" : "full");

    /// <summary>The datasets this run uses; null means the mode's default.</summary>
    public IReadOnlyList<string>? DatasetFilter { get; init; }

    public IReadOnlyList<string> QueryDatasets => Pick(Quick ? ["seed", "gen-1k", "gen-10k"] : ["seed", "onet", "gen-1k", "gen-10k", "gen-100k", "gen-1m"]);

    public IReadOnlyList<string> QueryPowerDatasets => Pick(Quick ? ["seed", "gen-10k"] : ["onet", "gen-1m"]);

    public IReadOnlyList<string> LoadDatasets => Pick(Quick ? ["seed", "gen-10k"] : ["seed", "onet", "gen-10k", "gen-100k", "gen-1m"]);

    private IReadOnlyList<string> Pick(string[] defaults)
    {
        var chosen = DatasetFilter ?? defaults;
        var skipped = chosen.Contains("onet") && !Datasets.OnetAvailable;
        if (skipped && !_warned)
        {
            _warned = true;
            Console.WriteLine($"NOTE: O*NET skipped: no O*NET 29.3 database at {OnetDirectory} (give --onet PATH or set ROLEGRAPH_ONET_DIR).");
        }

        return skipped ? chosen.Where(d => d != "onet").ToArray() : chosen;
    }

    private bool _warned;

    public static string DefaultOnetDirectory() =>
        Environment.GetEnvironmentVariable("ROLEGRAPH_ONET_DIR") is { Length: > 0 } fromEnvironment
            ? Path.GetFullPath(fromEnvironment)
            : Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "datasets", "onet-29.3"));

    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "RoleGraph.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the directory holding RoleGraph.sln); run from inside the repository.");
    }
}
