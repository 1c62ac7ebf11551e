using RoleGraph.Embedded;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// The embedded store's data file, its reading started before the host is built rather than when the hosted
/// services start: on O*NET reading and decoding it takes as long as building and starting the host, and until the
/// services start the second core has nothing else to do. Reading locks and creates nothing (see
/// <see cref="GraphDataFile.BeginReading"/>), so a start that then fails has written nothing. The store takes this
/// file only when its configured path is the same one; otherwise it opens its own, as it always did.
/// </summary>
internal sealed class DataFileReadAhead
{
    private readonly string _path;
    private GraphDataFile? _file;

    private DataFileReadAhead(GraphDataFile file) => (_path, _file) = (file.Path, file);

    /// <summary>Whether the store took the file (the path it was configured with was the one read).</summary>
    public bool Taken { get; private set; }

    /// <summary>
    /// The settings that name the data file (and <see cref="HeapHugePages.SettingKey"/>), as the host will read them,
    /// but before it is built (which takes a fifth of a second): appsettings.json beside the binaries, then the
    /// environment's variables, then the command line.
    /// A data file set anywhere else (appsettings.{Environment}.json, a test host's settings) is read once the host's
    /// own configuration is known instead, by <see cref="Begin"/> given that configuration.
    /// </summary>
    public static IConfiguration SettingsBeforeHost(string[] args) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
        .AddEnvironmentVariables()
        .AddCommandLine(args)
        .Build();

    /// <summary>
    /// Starts reading the data file <paramref name="configuration"/> names for the embedded store, or returns
    /// <paramref name="begun"/> when that one already reads it; null when the configuration has no data file.
    /// </summary>
    public static DataFileReadAhead? Begin(IConfiguration configuration, DataFileReadAhead? begun = null)
    {
        var store = configuration.GetSection(StoreSelectionOptions.SectionName).Get<StoreSelectionOptions>() ?? new StoreSelectionOptions();
        var embedded = configuration.GetSection(EmbeddedStoreOptions.SectionName).Get<EmbeddedStoreOptions>() ?? new EmbeddedStoreOptions();
        if (store.Store != StoreKind.Embedded || string.IsNullOrWhiteSpace(embedded.DataFile))
        {
            return null;
        }

        if (begun is not null && begun._path == Path.GetFullPath(embedded.DataFile))
        {
            return begun;
        }

        begun?.Release(); // not this file

        var file = new GraphDataFile(embedded.DataFile);
        _ = file.BeginReading();
        return new DataFileReadAhead(file);
    }

    /// <summary>The file being read, once, when it is the one at <paramref name="path"/>; otherwise null.</summary>
    public GraphDataFile? Take(string path)
    {
        if (Interlocked.Exchange(ref _file, null) is not { } file)
        {
            return null;
        }

        Taken = file.Path == Path.GetFullPath(path);
        if (!Taken)
        {
            file.Dispose();
        }

        return Taken ? file : null;
    }

    /// <summary>Lets the read go unused: the file holds no lock yet, and disposing it ends the load's pause of collections.</summary>
    private void Release() => Interlocked.Exchange(ref _file, null)?.Dispose();
}
