using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Embedded;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Taxonomy;

namespace RoleGraph.Tests.Embedded;

/// <summary>
/// A temporary directory holding one embedded store's data (<c>data.json</c>, its journal and its lock), with ways
/// to open stores over it and to read back what is on disk. Deleted with everything in it on dispose.
/// </summary>
internal sealed class StoreDirectory : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TempDirectory Directory => _directory;

    public string DataPath => _directory.Combine("data.json");

    public string JournalPath => DataPath + ".journal";

    public string LockPath => DataPath + ".lock";

    /// <summary>A store over <see cref="DataPath"/> (or the given data file), initialized.</summary>
    public async Task<EmbeddedGraphStore> OpenAsync(GraphDataFile? dataFile = null, ILogger<EmbeddedGraphStore>? logger = null)
    {
        var store = new EmbeddedGraphStore(dataFile ?? new GraphDataFile(DataPath), logger ?? NullLogger<EmbeddedGraphStore>.Instance);
        try
        {
            await store.InitializeAsync(TestContext.Current.CancellationToken);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>A store over <see cref="DataPath"/>, not yet initialized.</summary>
    public EmbeddedGraphStore Create() => new(new GraphDataFile(DataPath), NullLogger<EmbeddedGraphStore>.Instance);

    public byte[] JournalBytes() => File.Exists(JournalPath) ? File.ReadAllBytes(JournalPath) : [];

    public byte[] SnapshotBytes() => File.Exists(DataPath) ? File.ReadAllBytes(DataPath) : [];

    public IReadOnlyList<JournalLine> JournalLines() => JournalLine.Parse(JournalBytes());

    public long[] JournalRevisions() => JournalLines().Select(l => l.Revision).ToArray();

    public void Dispose() => _directory.Dispose();

    /// <summary>A store's whole content (sources, nodes, links with their weights) as comparable lines.</summary>
    public static async Task<string[]> DumpAsync(EmbeddedGraphStore store) =>
        TaxonomyDump.Of(await store.ExportAsync(TestContext.Current.CancellationToken));

    public static string[] Dump(TaxonomyDocument document) => TaxonomyDump.Of(document);
}
