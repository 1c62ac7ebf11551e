using RoleGraph.Core.Taxonomy;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Taxonomy;

namespace RoleGraph.Tests.Embedded;

/// <summary>Validated taxonomy documents the embedded store tests import.</summary>
internal static class TestDocuments
{
    /// <summary>The sample taxonomy: aliases, a description, a property, importance and level.</summary>
    public static TaxonomyDocument Sample()
    {
        using var source = new TempDirectory();
        return TaxonomyReader.ReadFiles([source.Write("sample.yaml", SampleTaxonomy.Yaml())]);
    }

    /// <summary>The repository's seed taxonomy.</summary>
    public static TaxonomyDocument Seed() => TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed"));
}
