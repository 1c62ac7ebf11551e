using RoleGraph.Embedded;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// The embedded store's data file, its reading started as soon as the configuration is known rather than when the
/// hosted services start: on O*NET the read and decode take as long as building and starting the host, and until
/// the services start the second core has nothing else to do. Reading locks and creates nothing (see
/// <see cref="GraphDataFile.BeginReading"/>), so a start that then fails has written nothing. The store takes this
/// file when its configured path is the same one (a host configured again later, as tests do, reads its own).
/// </summary>
internal sealed class DataFileReadAhead
{
    private GraphDataFile? _file;

    private DataFileReadAhead(GraphDataFile file) => _file = file;

    /// <summary>Starts reading the configured data file, when the embedded store with a data file is configured.</summary>
    public static DataFileReadAhead? Begin(IConfiguration configuration)
    {
        var store = configuration.GetSection(StoreSelectionOptions.SectionName).Get<StoreSelectionOptions>() ?? new StoreSelectionOptions();
        var embedded = configuration.GetSection(EmbeddedStoreOptions.SectionName).Get<EmbeddedStoreOptions>() ?? new EmbeddedStoreOptions();
        if (store.Store != StoreKind.Embedded || string.IsNullOrWhiteSpace(embedded.DataFile))
        {
            return null;
        }

        var file = new GraphDataFile(embedded.DataFile);
        _ = file.BeginReading();
        return new DataFileReadAhead(file);
    }

    /// <summary>Whether the store took the file (the path it was configured with was the one read).</summary>
    public bool Taken { get; private set; }

    /// <summary>The file being read, once, when it is the one at <paramref name="path"/>; otherwise null.</summary>
    public GraphDataFile? Take(string path)
    {
        if (Interlocked.Exchange(ref _file, null) is not { } file)
        {
            return null;
        }

        Taken = file.Path == Path.GetFullPath(path);
        return Taken ? file : null;
    }
}
