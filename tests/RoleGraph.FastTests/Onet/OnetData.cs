using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Importing.Onet;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Onet;

/// <summary>
/// Where the O*NET data for the tests lives: the committed excerpt (tests/RoleGraph.FastTests/Onet/Excerpt, found from the
/// repository root rather than the output directory, so that the test project needs no item for it) and the full
/// database in <c>shared/datasets/onet-29.3</c> beside the repository.
/// </summary>
internal static class OnetData
{
    public const string DataScientists = "15-2051.00";
    public const string ResearchScientists = "15-1221.00";
    public const string PhysicalScientists = "19-2099.00";
    public const string Cooks = "35-2019.00";

    public static string ExcerptDirectory { get; } = Path.Combine(RepositoryFiles.Root, "tests", "RoleGraph.FastTests", "Onet", "Excerpt");

    /// <summary>The full database: <c>shared/datasets/onet-29.3</c> in the repository's parent or a directory above it; null when absent.</summary>
    public static string? FullDatabaseDirectory { get; } = FindFullDatabase();

    private static readonly Lazy<TaxonomyFile> ExcerptFile = new(() => OnetReader.Read(ExcerptDirectory, new OnetImportOptions(), NoneExisting));

    private static readonly Lazy<TaxonomyDocument> ExcerptDocument = new(() => TaxonomyValidator.Validate([("onet", ExcerptFile.Value)]));

    /// <summary>The whole excerpt read into an empty store (the result is shared: do not change it).</summary>
    public static TaxonomyFile Excerpt => ExcerptFile.Value;

    /// <summary>The whole excerpt, read and validated.</summary>
    public static TaxonomyDocument ExcerptGraph => ExcerptDocument.Value;

    public static NodeKind? NoneExisting(string id) => null;

    /// <summary>A store holding the given ids with their kinds.</summary>
    public static Func<string, NodeKind?> Existing(params (string Id, NodeKind Kind)[] nodes)
    {
        var map = nodes.ToDictionary(n => n.Id, n => n.Kind, StringComparer.Ordinal);
        return id => map.TryGetValue(id, out var kind) ? kind : null;
    }

    public static TaxonomyDocument Validate(TaxonomyFile file) => TaxonomyValidator.Validate([("onet", file)]);

    private static string? FindFullDatabase()
    {
        for (var directory = Directory.GetParent(RepositoryFiles.Root); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "datasets", "onet-29.3");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
