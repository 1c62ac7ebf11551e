using System.Text.Json.Nodes;
using NJsonSchema;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Taxonomy;

/// <summary>seed/taxonomy.schema.json describes the format the reader takes and the writer produces.</summary>
public sealed class TaxonomySchemaTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(RepositoryFiles.PathOf("seed/taxonomy.schema.json")));

    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> ErrorsAsync(string json) => (await Schema.Value).Validate(json);

    [Fact]
    public async Task The_seed_as_written_by_the_exporter_conforms()
    {
        var seed = TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed"));
        var json = await TaxonomyWriter.WriteToStringAsync(seed, TaxonomyFormat.Json, TestContext.Current.CancellationToken);

        Assert.Empty(await ErrorsAsync(json));
    }

    [Fact]
    public async Task An_export_with_several_sources_conforms()
    {
        var seed = TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed"));
        var assembled = seed with { Sources = [.. seed.Sources, new TaxonomyHeader("O*NET 29.3", "29.3", "USDOL/ETA", "CC BY 4.0")] };
        var json = await TaxonomyWriter.WriteToStringAsync(assembled, TaxonomyFormat.Json, TestContext.Current.CancellationToken);

        Assert.Empty(await ErrorsAsync(json));
        Assert.Equal(2, JsonNode.Parse(json)!["sources"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_json_sample_conforms()
    {
        Assert.Empty(await ErrorsAsync(SampleTaxonomy.Json));
    }

    [Theory]
    [InlineData("\"id\": \"sql\"", "\"id\": \"Not A Slug\"")]
    [InlineData("\"kind\": \"Tool\"", "\"kind\": \"Gadget\"")]
    [InlineData("\"name\": \"SQL\"", "\"name\": \"SQL\", \"colour\": \"red\"")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2")]
    [InlineData("\"importance\": 0.9", "\"importance\": 1.5")]
    [InlineData("\"relation\": \"SUPPORTS\"", "\"relation\": \"SUPPORTS\", \"importance\": 0.5")]
    [InlineData("\"relation\": \"USES\", \"importance\": 0.5", "\"relation\": \"USES\", \"importance\": 0.5, \"level\": 0.2")]
    [InlineData("\"relation\": \"SUPPORTS\"", "\"relation\": \"KNOWS\"")]
    public async Task Defects_the_schema_can_express_are_rejected_by_it(string original, string broken)
    {
        Assert.Contains(original, SampleTaxonomy.Json, StringComparison.Ordinal);
        var json = SampleTaxonomy.Json.Replace(original, broken, StringComparison.Ordinal);

        Assert.NotEmpty(await ErrorsAsync(json));
        Assert.Throws<TaxonomyValidationException>(() => TaxonomyReader.ReadText("sample.json", json, TaxonomyFormat.Json)); // and the reader agrees
    }
}
