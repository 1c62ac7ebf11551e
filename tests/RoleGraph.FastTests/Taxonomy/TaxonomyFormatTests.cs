using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Taxonomy;

public sealed class TaxonomyFormatTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Yaml_and_json_forms_give_the_same_document()
    {
        var fromYaml = TaxonomyReader.ReadFiles([_directory.Write("sample.yaml", SampleTaxonomy.Yaml())]);
        var fromJson = TaxonomyReader.ReadFiles([_directory.Write("sample.json", SampleTaxonomy.Json)]);

        Assert.Equal(TaxonomyDump.Of(fromYaml), TaxonomyDump.Of(fromJson));
        Assert.Equal(new TaxonomyHeader("Sample", "2.0", "Written for the tests", "CC0"), Assert.Single(fromJson.Sources));
        var analyst = fromJson.Nodes.Single(n => n.Id == "analyst");
        Assert.Equal(
            (NodeKind.Role, "Analyst", "Turns data into decisions.", "Reporting"),
            (analyst.Kind, analyst.Name, analyst.Description, analyst.Property(WellKnownProperties.PrimaryFocus)));
        Assert.Equal(["Data analyst", "BI analyst"], analyst.Aliases);
    }

    [Fact]
    public void The_yml_extension_is_read_as_yaml()
    {
        var fromYml = TaxonomyReader.ReadFiles([_directory.Write("sample.yml", SampleTaxonomy.Yaml())]);

        Assert.Equal(TaxonomyDump.Of(TaxonomyReader.ReadFiles([_directory.Write("sample.json", SampleTaxonomy.Json)])), TaxonomyDump.Of(fromYml));
    }

    [Fact]
    public void Kinds_and_relations_are_read_whatever_their_case()
    {
        var yaml = SampleTaxonomy.Yaml()
            .Replace("kind: Skill", "kind: skill", StringComparison.Ordinal)
            .Replace("relation: SUPPORTS", "relation: supports", StringComparison.Ordinal);

        var document = TaxonomyReader.ReadFiles([_directory.Write("sample.yaml", yaml)]);

        Assert.Equal(TaxonomyDump.Of(TaxonomyReader.ReadFiles([_directory.Write("sample.json", SampleTaxonomy.Json)])), TaxonomyDump.Of(document));
    }

    [Fact]
    public async Task What_the_writer_writes_reads_back_the_same()
    {
        var seed = TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed"));
        var path = _directory.Combine("written.json");

        await using (var stream = File.Create(path))
        {
            await TaxonomyWriter.WriteAsync(stream, seed, TaxonomyFormat.Json, TestContext.Current.CancellationToken);
        }

        Assert.Equal(TaxonomyDump.Of(seed), TaxonomyDump.Of(TaxonomyReader.ReadFiles([path])));
    }

    [Fact]
    public void Names_and_descriptions_are_trimmed_and_blank_aliases_dropped()
    {
        var yaml = SampleTaxonomy.Yaml("{ id: r, kind: Skill, name: '  R  ', description: '   ', aliases: ['', ' R language ', 'r LANGUAGE'] }");

        var r = TaxonomyReader.ReadFiles([_directory.Write("sample.yaml", yaml)]).Nodes.Single(n => n.Id == "r");

        Assert.Equal(("R", (string?)null), (r.Name, r.Description));
        Assert.Equal(["R language"], r.Aliases);
    }
}
