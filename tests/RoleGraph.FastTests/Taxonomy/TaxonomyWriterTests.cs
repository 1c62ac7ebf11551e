using System.Text.Json;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using YamlDotNet.RepresentationModel;

namespace RoleGraph.Tests.Taxonomy;

/// <summary>
/// The writer spells every field itself (no reflection, for Native AOT): what it writes must read back exactly, and
/// look as it did when YamlDotNet's serializer and System.Text.Json's reflection wrote it.
/// </summary>
public sealed class TaxonomyWriterTests
{
    public static TheoryData<string> AwkwardTexts =>
    [
        "null", "Null", "~", "true", "FALSE", "yes", "off", "1", "-1", "007", "1.0", "1e3", ".5", "0x1F", "0o17", ".inf", "-.inf", ".nan",
        "", " ", " padded ", "trailing tab\t", "\tleading tab", "multi\nline", "ends with a break\n", "two\n\nparagraphs", "crlf\r\nline",
        "next\u0085line", "line\u2028separator", "#hash", "a # b", "key: value", ":", "- dash", "---", "[x]", "{x}", "a, b", "'single'",
        "it's", "\"double\"", "back\\slash", "&anchor", "*alias", "a *b", "a\t*b", "!tag", "%", "@", "`", "|", ">", "? x",
        "café ☕ 日本語 😀", "\u00A0no-break space", "bell\u0007", new string('x', 2000),
    ];

    [Theory]
    [MemberData(nameof(AwkwardTexts))]
    public void Text_reads_back_as_written_in_yaml(string text) => AssertReadsBack(WithEveryField(text), TaxonomyFormat.Yaml);

    [Theory]
    [MemberData(nameof(AwkwardTexts))]
    public void Text_reads_back_as_written_in_json(string text) => AssertReadsBack(WithEveryField(text), TaxonomyFormat.Json);

    [Fact]
    public async Task Numbers_are_written_in_their_shortest_form_and_read_back_exactly()
    {
        double[] numbers = [0.5, 1, 0, 0.1, 1.0 / 3, 0.30000000000000004, 1e-7];
        var document = new TaxonomyDocument(
            [new TaxonomyHeader("Numbers")],
            [new GraphNode("r", NodeKind.Role, "R", null, [], GraphNode.NoProperties), .. numbers.Select((_, i) => new GraphNode($"s{i}", NodeKind.Skill, "S", null, [], GraphNode.NoProperties))],
            [.. numbers.Select((n, i) => new GraphLink("r", $"s{i}", RelationKind.Requires, n, n))]);

        var yaml = await TaxonomyWriter.WriteToStringAsync(document, TaxonomyFormat.Yaml, TestContext.Current.CancellationToken);

        var lines = yaml.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(
            ["0.5", "1", "0", "0.1", "0.3333333333333333", "0.30000000000000004", "1E-07"],
            lines.Where(l => l.StartsWith("  importance: ", StringComparison.Ordinal)).Select(l => l["  importance: ".Length..]));
        foreach (var format in new[] { TaxonomyFormat.Yaml, TaxonomyFormat.Json })
        {
            var text = await TaxonomyWriter.WriteToStringAsync(document, format, TestContext.Current.CancellationToken);
            var links = TaxonomyParser.Parse("numbers", text, format).Result!.Links!;
            Assert.Equal(numbers, links.Select(l => l.Importance!.Value));
            Assert.Equal(numbers, links.Select(l => l.Level!.Value));
        }
    }

    [Fact]
    public void Yaml_has_the_fields_of_the_file_classes_in_their_order_under_camel_case_names()
    {
        var yaml = new StringWriter();
        TaxonomyYamlWriter.Write(yaml, WithEveryField("x"));
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml.ToString()));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;

        Assert.Equal(FieldNames<TaxonomyFile>(), Keys(root));
        Assert.Equal(FieldNames<TaxonomyFileHeader>(), Keys(root["taxonomy"]));
        Assert.Equal(FieldNames<TaxonomyFileHeader>(), Keys(((YamlSequenceNode)root["sources"])[0]));
        Assert.Equal(FieldNames<TaxonomyFileNode>(), Keys(((YamlSequenceNode)root["nodes"])[0]));
        Assert.Equal(FieldNames<TaxonomyFileLink>(), Keys(((YamlSequenceNode)root["links"])[0]));
    }

    [Fact]
    public async Task Null_fields_are_left_out_and_the_text_looks_as_before()
    {
        var document = new TaxonomyDocument(
            [new TaxonomyHeader("Sample", "1.0")],
            [
                new GraphNode("analyst", NodeKind.Role, "Analyst", "Turns data: into decisions.", ["BI analyst", "null"], new Dictionary<string, string> { ["primaryFocus"] = "Reporting" }),
                new GraphNode("sql", NodeKind.Skill, "SQL", null, [], GraphNode.NoProperties),
            ],
            [new GraphLink("analyst", "sql", RelationKind.Requires, 0.5, 1)]);

        var yaml = await TaxonomyWriter.WriteToStringAsync(document, TaxonomyFormat.Yaml, TestContext.Current.CancellationToken);
        var json = await TaxonomyWriter.WriteToStringAsync(document, TaxonomyFormat.Json, TestContext.Current.CancellationToken);

        Assert.Equal(
            """
            formatVersion: 1
            taxonomy:
              name: Sample
              version: "1.0"
            nodes:
            - id: analyst
              kind: Role
              name: Analyst
              description: 'Turns data: into decisions.'
              aliases:
              - BI analyst
              - "null"
              properties:
                primaryFocus: Reporting
            - id: sql
              kind: Skill
              name: SQL
            links:
            - from: analyst
              to: sql
              relation: REQUIRES
              importance: 0.5
              level: 1

            """.ReplaceLineEndings(Environment.NewLine),
            yaml);
        Assert.Equal(
            """
            {
              "formatVersion": 1,
              "taxonomy": {
                "name": "Sample",
                "version": "1.0"
              },
              "nodes": [
                {
                  "id": "analyst",
                  "kind": "Role",
                  "name": "Analyst",
                  "description": "Turns data: into decisions.",
                  "aliases": [
                    "BI analyst",
                    "null"
                  ],
                  "properties": {
                    "primaryFocus": "Reporting"
                  }
                },
                {
                  "id": "sql",
                  "kind": "Skill",
                  "name": "SQL"
                }
              ],
              "links": [
                {
                  "from": "analyst",
                  "to": "sql",
                  "relation": "REQUIRES",
                  "importance": 0.5,
                  "level": 1
                }
              ]
            }
            """.ReplaceLineEndings(Environment.NewLine),
            json);
    }

    private static TaxonomyFile WithEveryField(string text) => new()
    {
        FormatVersion = TaxonomyFile.CurrentFormatVersion,
        Taxonomy = new TaxonomyFileHeader { Name = text, Version = text, Source = text, License = text },
        Sources = [new TaxonomyFileHeader { Name = text, Version = text, Source = text, License = text }],
        Nodes =
        [
            new TaxonomyFileNode
            {
                Id = text, Kind = text, Name = text, Description = text, Aliases = [text, text + "x"],
                Properties = new Dictionary<string, string> { [text] = text, ["other"] = text },
            },
        ],
        Links = [new TaxonomyFileLink { From = text, To = text, Relation = text, Importance = 0.25, Level = 1 }],
    };

    private static void AssertReadsBack(TaxonomyFile file, TaxonomyFormat format)
    {
        string text;
        if (format == TaxonomyFormat.Json)
        {
            text = JsonSerializer.Serialize(file, TaxonomyJsonContext.Default.TaxonomyFile);
        }
        else
        {
            var yaml = new StringWriter();
            TaxonomyYamlWriter.Write(yaml, file);
            text = yaml.ToString();
        }

        var parser = TaxonomyParser.Parse("written", text, format);

        Assert.Empty(parser.Problems);
        Assert.Equal(JsonSerializer.Serialize(file, TaxonomyJsonContext.Default.TaxonomyFile), JsonSerializer.Serialize(parser.Result, TaxonomyJsonContext.Default.TaxonomyFile));
    }

    private static List<string> FieldNames<T>() =>
        typeof(T).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();

    private static List<string> Keys(YamlNode mapping) =>
        ((YamlMappingNode)mapping).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
}
