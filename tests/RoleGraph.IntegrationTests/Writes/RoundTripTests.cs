using System.Text.Json.Nodes;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Writes;

/// <summary>exportTaxonomy then importTaxonomy(REPLACE) elsewhere gives the same graph, sources and licences included.</summary>
public sealed class RoundTripTests
{
    private const string Import = "mutation($document: String!, $format: TaxonomyFormat!) { "
        + "importTaxonomy(document: $document, format: $format, mode: REPLACE) { " + WriteRequests.ReportFields + " } }";

    /// <summary>Writes that leave marks an export must carry: weights, levels, properties, aliases, a second source.</summary>
    private static async Task EditAsync(GraphQLClient client)
    {
        await client.QueryAsync("""
            mutation {
              a: upsertSkill(input: { id: "quantum-computing", name: "Quantum computing", description: "Qubits: \"0\" and '1'.",
                                      aliases: ["QC", "Quantum"], properties: [{ key: "origin", value: "test: yes" }, { key: "rank", value: "7" }] }) { id }
              b: link(fromId: "data-scientist", toId: "quantum-computing", relation: REQUIRES, importance: 0.25, level: 0.125) { relation }
              c: link(fromId: "quantum-computing", toId: "python", relation: RELATED_TO) { relation }
              d: unlink(fromId: "data-scientist", toId: "r", relation: REQUIRES) { changed }
            }
            """);
        await client.QueryAsync("""
            mutation($document: String!) { importTaxonomy(document: $document, format: YAML) { changed } }
            """, new
        {
            document = """
                formatVersion: 1
                taxonomy: { name: Second source, version: "2.1", source: https://example.org/second, license: CC-BY-4.0 }
                nodes:
                  - { id: dbt, kind: Tool, name: dbt, properties: { vendor: dbt Labs } }
                links:
                  - { from: data-scientist, to: dbt, relation: USES, importance: 0.5 }
                """,
        });
    }

    [Theory]
    [InlineData("YAML")]
    [InlineData("JSON")]
    public async Task An_export_imported_in_replace_mode_into_a_fresh_service_gives_the_same_graph(string format)
    {
        string exported, otherFormat;
        using (var source = new RoleGraphApiFactory())
        {
            var client = source.GraphQL();
            await EditAsync(client);
            exported = await client.ExportAsync(format);
            otherFormat = await client.ExportAsync(format == "YAML" ? "JSON" : "YAML");
        }

        using var empty = new RoleGraphApiFactory();
        empty.Settings["RoleGraph:Seed:LoadWhenEmpty"] = "false";
        var target = empty.GraphQL();

        var report = (await target.QueryAsync(Import, new { document = exported, format }))["importTaxonomy"]!;

        Assert.Equal(0, report["nodes"]!.Counts().Deleted);
        Assert.Equal(exported, await target.ExportAsync(format));
        Assert.Equal(otherFormat, await target.ExportAsync(format == "YAML" ? "JSON" : "YAML"));
        var skill = (await target.QueryAsync("""{ skill(id: "quantum-computing") { description aliases properties { key value } roles { importance level } } }"""))["skill"]!;
        Assert.Equal("Qubits: \"0\" and '1'.", (string?)skill["description"]);
        Assert.Equal(["QC", "Quantum"], skill["aliases"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(["origin=test: yes", "rank=7"], skill["properties"]!.AsArray().Select(p => $"{p!["key"]}={p["value"]}"));
        Assert.Equal(0.25, (double)skill["roles"]![0]!["importance"]!);
        Assert.Equal(0.125, (double)skill["roles"]![0]!["level"]!);
    }

    [Theory]
    [InlineData("YAML")]
    [InlineData("JSON")]
    public async Task An_export_replacing_a_seeded_service_gives_the_same_graph(string format)
    {
        string exported;
        using (var source = new RoleGraphApiFactory())
        {
            var client = source.GraphQL();
            await EditAsync(client);
            exported = await client.ExportAsync(format);
        }

        using var seeded = new RoleGraphApiFactory();
        var target = seeded.GraphQL();

        var report = (await target.QueryAsync(Import, new { document = exported, format }))["importTaxonomy"]!;

        Assert.True((bool)report["changed"]!);
        Assert.Equal((2, 0, WriteRequests.Seed.Nodes.Count, 0), report["nodes"]!.Counts());
        Assert.Equal(1, report["links"]!.Counts().Deleted); // data-scientist -> r
        Assert.Equal(exported, await target.ExportAsync(format));
    }

    [Fact]
    public async Task The_seed_s_source_and_licence_survive_an_export_and_reimport()
    {
        var header = Assert.Single(WriteRequests.Seed.Sources);
        Assert.False(string.IsNullOrEmpty(header.License));

        using var source = new RoleGraphApiFactory();
        var exported = await source.GraphQL().ExportAsync("JSON");
        var taxonomy = JsonNode.Parse(exported)!["taxonomy"]!;
        Assert.Equal(header.Name, (string?)taxonomy["name"]);
        Assert.Equal(header.Version, (string?)taxonomy["version"]);
        Assert.Equal(header.Source, (string?)taxonomy["source"]);
        Assert.Equal(header.License, (string?)taxonomy["license"]);

        using var empty = new RoleGraphApiFactory();
        empty.Settings["RoleGraph:Seed:LoadWhenEmpty"] = "false";
        var target = empty.GraphQL();
        await target.QueryAsync(Import, new { document = exported, format = "JSON" });

        var again = JsonNode.Parse(await target.ExportAsync("JSON"))!["taxonomy"]!;
        Assert.Equal(taxonomy.ToJsonString(), again.ToJsonString());
        Assert.Contains($"license: {header.License}", await target.ExportAsync("YAML"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_source_is_kept_with_its_licence_after_a_merge_of_a_second_taxonomy()
    {
        var header = Assert.Single(WriteRequests.Seed.Sources);
        using var source = new RoleGraphApiFactory();
        await EditAsync(source.GraphQL());

        var exported = JsonNode.Parse(await source.GraphQL().ExportAsync("JSON"))!;

        var sources = exported["sources"]!.AsArray();
        Assert.Equal(2, sources.Count);
        Assert.Contains(sources, s => (string?)s!["name"] == header.Name && (string?)s["license"] == header.License);
        Assert.Contains(sources, s => (string?)s!["name"] == "Second source" && (string?)s["license"] == "CC-BY-4.0"
            && (string?)s["version"] == "2.1" && (string?)s["source"] == "https://example.org/second");
    }

    /// <summary>Texts a YAML writer must quote to read back as the same strings.</summary>
    public static TheoryData<string> TrickyTexts => new(
        "null", "Null", "~", "true", "False", "yes", "off", "1.0", "007", "0x1F", "1e3", ".inf", ".NaN", "-", "- dash", "a: b", "# hash", "key #no",
        "'single'", "\"double\"", "[list]", "{map}", "@at", "*star", "&anchor", "!tag", "%percent", "`tick", "|", ">", "?", " leading", "trailing ",
        "two\nlines", "tab\there", "2024-01-01", "::", "ünïcödé ✓");

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public async Task Texts_that_look_like_other_yaml_values_survive_a_yaml_round_trip(string text)
    {
        string exported;
        using (var source = new RoleGraphApiFactory())
        {
            var client = source.GraphQL();
            await client.QueryAsync(
                "mutation($input: NodeInput!) { upsertSkill(input: $input) { id } }",
                new { input = new { id = "tricky", name = "Tricky " + text, description = text, aliases = new[] { text + " alias" }, properties = new[] { new { key = "value", value = text } } } });
            exported = await client.ExportAsync("YAML");
        }

        using var empty = new RoleGraphApiFactory();
        empty.Settings["RoleGraph:Seed:LoadWhenEmpty"] = "false";
        var target = empty.GraphQL();
        var response = await target.PostAsync(Import, new { document = exported, format = "YAML" });
        Assert.True(response.Errors is null, $"The export of {text} does not import: {response.Errors?.ToJsonString()}");

        var skill = (await target.QueryAsync("""{ skill(id: "tricky") { name description aliases properties { key value } } }"""))["skill"]!;
        var expectedDescription = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Assert.Equal(("Tricky " + text).Trim(), (string?)skill["name"]);
        Assert.Equal(expectedDescription, (string?)skill["description"]);
        Assert.Equal([(text + " alias").Trim()], skill["aliases"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(text, (string?)skill["properties"]![0]!["value"]);
        Assert.Equal(exported, await target.ExportAsync("YAML"));
    }

    [Fact]
    public async Task An_empty_property_value_survives_a_round_trip_in_both_formats()
    {
        using var source = new RoleGraphApiFactory();
        var client = source.GraphQL();
        await client.QueryAsync("""mutation { upsertTool(input: { id: "blank-prop", name: "Blank", properties: [{ key: "empty", value: "" }] }) { id } }""");
        Assert.Equal("", (string?)(await client.QueryAsync("""{ tool(id: "blank-prop") { properties { value } } }"""))["tool"]!["properties"]![0]!["value"]);

        foreach (var format in new[] { "YAML", "JSON" })
        {
            using var empty = new RoleGraphApiFactory();
            empty.Settings["RoleGraph:Seed:LoadWhenEmpty"] = "false";
            var target = empty.GraphQL();
            await target.QueryAsync(Import, new { document = await client.ExportAsync(format), format });

            var properties = (await target.QueryAsync("""{ tool(id: "blank-prop") { properties { key value } } }"""))["tool"]!["properties"]!.AsArray();
            Assert.True(properties.Count == 1, $"{format}: {properties.ToJsonString()}");
            Assert.Equal("", (string?)properties[0]!["value"]);
        }
    }

    [Theory]
    [InlineData("YAML")]
    [InlineData("JSON")]
    public async Task A_node_whose_id_is_the_slug_null_survives_a_round_trip(string format)
    {
        string exported;
        using (var source = new RoleGraphApiFactory())
        {
            var client = source.GraphQL();
            await client.QueryAsync("""
                mutation {
                  a: upsertSkill(input: { id: "null", name: "null", description: "~" }) { id }
                  b: link(fromId: "data-scientist", toId: "null", relation: REQUIRES) { relation }
                }
                """);
            exported = await client.ExportAsync(format);
        }

        using var empty = new RoleGraphApiFactory();
        empty.Settings["RoleGraph:Seed:LoadWhenEmpty"] = "false";
        var target = empty.GraphQL();
        var response = await target.PostAsync(Import, new { document = exported, format });

        Assert.True(response.Errors is null, $"The export does not import: {response.Errors?.ToJsonString()}");
        var skill = (await target.QueryAsync("""{ skill(id: "null") { name description roles { role { id } } } }"""))["skill"]!;
        Assert.Equal("null", (string?)skill["name"]);
        Assert.Equal("~", (string?)skill["description"]);
        Assert.Equal("data-scientist", (string?)skill["roles"]![0]!["role"]!["id"]);
    }
}
