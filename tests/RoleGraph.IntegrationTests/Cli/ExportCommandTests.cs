using System.Text.Json.Nodes;

namespace RoleGraph.Tests.Cli;

/// <summary>`export [--format yaml|json] [--output FILE] --data-file F`: a file that imports back as the same graph.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>Gives the store more than the seed: a second source, weights with levels, properties.</summary>
    private async Task EditAsync()
    {
        var file = _workspace.Write("more.yaml", """
            formatVersion: 1
            taxonomy: { name: Data engineering, version: "0.1", source: https://example.org/de, license: CC-BY-4.0 }
            nodes:
              - { id: data-engineer, kind: Role, name: Data Engineer, properties: { primaryFocus: "Pipelines: batch and streaming" } }
              - { id: sql, kind: Skill, name: SQL, aliases: [Structured Query Language], description: "Querying \"relational\" data." }
            links:
              - { from: data-engineer, to: sql, relation: REQUIRES, importance: 0.9, level: 0.75 }
              - { from: sql, to: data-analysis, relation: RELATED_TO }
            """);
        await _workspace.SucceedAsync("import", file, "--data-file", CliWorkspace.DataFile);
    }

    [Theory]
    [InlineData("yaml", "export.yaml")]
    [InlineData("json", "export.json")]
    public async Task An_exported_file_validates_and_replaces_another_store_with_the_same_graph(string format, string name)
    {
        await EditAsync();
        var expected = JsonNode.Parse(await _workspace.ExportAsync(format: "json"))!;

        var result = await _workspace.SucceedAsync("export", "--format", format, "--output", name, "--data-file", CliWorkspace.DataFile);

        var nodes = expected["nodes"]!.AsArray().Count;
        var links = expected["links"]!.AsArray().Count;
        Assert.Equal("", result.Output);
        Assert.Equal($"Wrote {_workspace.Combine(name)}: {nodes} nodes, {links} links.\n", result.Error);
        Assert.Equal(await _workspace.ExportAsync(format: format), File.ReadAllText(_workspace.Combine(name)));

        var validated = await _workspace.SucceedAsync("validate", name);
        Assert.EndsWith($"\nValid: {nodes} nodes, {links} links.\n", validated.Output, StringComparison.Ordinal);

        // Another data file (seeded on first open), replaced by the export, exports the same text in both formats.
        await _workspace.SucceedAsync("import", name, "--mode", "replace", "--data-file", "other.json");
        Assert.Equal(await _workspace.ExportAsync(format: "yaml"), await _workspace.ExportAsync("other.json", "yaml"));
        Assert.Equal(await _workspace.ExportAsync(format: "json"), await _workspace.ExportAsync("other.json", "json"));

        // Both sources survive with their licences.
        var sources = expected["sources"]!.AsArray();
        Assert.Equal(CliRun.Seed.Sources.Count + 1, sources.Count);
        Assert.Contains(sources, s => (string?)s!["license"] == "CC-BY-4.0");
        Assert.Contains(sources, s => (string?)s!["license"] == CliRun.Seed.Sources[0].License);
    }

    [Fact]
    public async Task The_json_export_holds_what_was_imported_as_written_by_hand()
    {
        await EditAsync();

        var export = JsonNode.Parse((await _workspace.SucceedAsync("export", "--format", "json", "--data-file", CliWorkspace.DataFile)).Output)!;

        // Two sources: the header names the export and lists them; each source keeps its own licence.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "name": "RoleGraph export", "source": "Machine Learning Engineer vs Data Scientist; Data engineering" }
            """), export["taxonomy"]), export["taxonomy"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "name": "Data engineering", "version": "0.1", "source": "https://example.org/de", "license": "CC-BY-4.0" }
            """), export["sources"]![1]), export["sources"]!.ToJsonString());
        Assert.Equal("Machine Learning Engineer vs Data Scientist", (string?)export["sources"]![0]!["name"]);

        var nodes = export["nodes"]!.AsArray();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "id": "data-engineer", "kind": "Role", "name": "Data Engineer", "properties": { "primaryFocus": "Pipelines: batch and streaming" } }
            """), nodes.Single(n => (string?)n!["id"] == "data-engineer")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "id": "sql", "kind": "Skill", "name": "SQL", "description": "Querying \"relational\" data.", "aliases": ["Structured Query Language"] }
            """), nodes.Single(n => (string?)n!["id"] == "sql")));

        // Every node once, in id order: the seed's and the two imported.
        string[] ids = [.. CliRun.Seed.Nodes.Select(n => n.Id), "data-engineer", "sql"];
        Assert.Equal(ids.Order(StringComparer.Ordinal), nodes.Select(n => (string)n!["id"]!));

        var links = export["links"]!.AsArray();
        Assert.Equal(CliRun.Seed.Links.Count + 2, links.Count);
        Assert.Contains(links, l => JsonNode.DeepEquals(l, JsonNode.Parse("""
            { "from": "data-engineer", "to": "sql", "relation": "REQUIRES", "importance": 0.9, "level": 0.75 }
            """)));
        Assert.Contains(links, l => JsonNode.DeepEquals(l, JsonNode.Parse("""{ "from": "sql", "to": "data-analysis", "relation": "RELATED_TO" }""")));
        Assert.Contains(links, l => JsonNode.DeepEquals(l, JsonNode.Parse("""
            { "from": "data-scientist", "to": "tableau", "relation": "USES", "importance": 0.6 }
            """)));

        // Links by source id, then relation in the order REQUIRES, USES, RESPONSIBLE_FOR, then target id.
        var dataScientist = links.Where(l => (string?)l!["from"] == "data-scientist").Select(l => ((string)l!["relation"]!, (string)l["to"]!)).ToArray();
        Assert.Equal(
            [("REQUIRES", "ab-testing"), ("REQUIRES", "data-analysis"), ("REQUIRES", "data-and-algorithms"), ("REQUIRES", "data-mining"), ("REQUIRES", "data-visualization"),
             ("REQUIRES", "programming"), ("REQUIRES", "python"), ("REQUIRES", "r"), ("REQUIRES", "stakeholder-communication"), ("REQUIRES", "statistical-analysis"),
             ("USES", "matplotlib"), ("USES", "tableau"),
             ("RESPONSIBLE_FOR", "analyze-large-datasets"), ("RESPONSIBLE_FOR", "communicate-findings"), ("RESPONSIBLE_FOR", "conduct-experiments"),
             ("RESPONSIBLE_FOR", "develop-statistical-models"), ("RESPONSIBLE_FOR", "discover-insights"), ("RESPONSIBLE_FOR", "drive-strategic-decisions"),
             ("RESPONSIBLE_FOR", "interpret-results"), ("RESPONSIBLE_FOR", "perform-data-operations")],
            dataScientist);
        var sources = links.Select(l => (string)l!["from"]!).ToArray();
        Assert.Equal(sources.Order(StringComparer.Ordinal), sources);
    }

    [Fact]
    public async Task Export_to_standard_output_is_yaml_by_default_and_json_on_request()
    {
        var yaml = await _workspace.ExportAsync();
        var json = (await _workspace.SucceedAsync("export", "--format", "json", "--data-file", CliWorkspace.DataFile)).Output;

        Assert.StartsWith("formatVersion: 1\n", yaml, StringComparison.Ordinal);
        var document = JsonNode.Parse(json)!;
        Assert.Equal(1, (int)document["formatVersion"]!);
        Assert.Equal(CliRun.Seed.Nodes.Count, document["nodes"]!.AsArray().Count);
        Assert.Equal(CliRun.Seed.Links.Count, document["links"]!.AsArray().Count);
        Assert.Equal(CliRun.Seed.Sources[0].License, (string?)document["taxonomy"]!["license"]);
    }
}
