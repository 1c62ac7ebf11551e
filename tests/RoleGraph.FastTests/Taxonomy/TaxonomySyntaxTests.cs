using RoleGraph.Core.Taxonomy;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Taxonomy;

public sealed class TaxonomySyntaxTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static TaxonomyProblem SingleProblem(params string[] paths) =>
        Assert.Single(Assert.Throws<TaxonomyValidationException>(() => TaxonomyReader.ReadFiles(paths)).Problems);

    [Fact]
    public void A_yaml_syntax_error_is_reported_at_its_line_and_column()
    {
        // Line 7 is indented one space less than the mapping it belongs to.
        var path = _directory.Write("broken.yaml", """
            formatVersion: 1
            taxonomy:
              name: Broken
            nodes:
              - id: python
                kind: Skill
               name: Python
            """);

        var problem = SingleProblem(path);

        Assert.Equal((path, "$", 7, 4), (problem.File, problem.Path, problem.Line, problem.Column));
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void An_unclosed_flow_mapping_is_reported_with_a_position()
    {
        var path = _directory.Write("broken.yaml", "formatVersion: 1\ntaxonomy:\n  name: x\nnodes:\n  - { id: python, kind: Skill, name: Python\n");

        var problem = SingleProblem(path);
        Assert.Equal("$", problem.Path);
        Assert.InRange(problem.Line ?? 0, 5, 6);
    }

    [Fact]
    public void An_unknown_yaml_field_is_reported_at_its_line_and_column()
    {
        var path = _directory.Write("extra.yaml", "formatVersion: 1\ntaxonomy:\n  name: x\nnodes:\n  - id: python\n    kind: Skill\n    colour: red\n");

        // Every problem at once: the unknown field and the missing name, each at its place.
        var problems = Assert.Throws<TaxonomyValidationException>(() => TaxonomyReader.ReadFiles([path])).Problems;

        var colour = Assert.Single(problems, p => p.Path == "$.nodes[0].colour");
        Assert.Equal((7, 5), (colour.Line, colour.Column));
        Assert.Contains("Unknown field 'colour'", colour.Message, StringComparison.Ordinal);
        var name = Assert.Single(problems, p => p.Path == "$.nodes[0].name");
        Assert.Equal((5, 5), (name.Line, name.Column)); // the node's own place, since the field is absent
    }

    [Fact]
    public void A_json_file_with_an_unknown_field_is_rejected_at_its_path()
    {
        var path = _directory.Write("extra.json", SampleTaxonomy.Json.Replace("\"name\": \"SQL\"", "\"name\": \"SQL\", \"colour\": \"red\"", StringComparison.Ordinal));

        var problem = SingleProblem(path);

        Assert.Equal("$.nodes[2].colour", problem.Path);
        Assert.NotNull(problem.Line);
        Assert.Contains("colour", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_file_with_an_unknown_top_level_field_is_rejected()
    {
        var path = _directory.Write("extra.json", SampleTaxonomy.Json.Replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"edges\": [],", StringComparison.Ordinal));

        Assert.StartsWith("$.edges", SingleProblem(path).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_syntax_error_is_reported_with_its_line()
    {
        var path = _directory.Write("broken.json", "{\n  \"formatVersion\": 1,\n  \"taxonomy\": { \"name\": \"x\" \n}");

        Assert.InRange(SingleProblem(path).Line ?? 0, 4, 5); // the missing brace is reported where the input ends
    }

    [Fact]
    public void Syntax_errors_in_several_files_are_reported_together()
    {
        var yaml = _directory.Write("a.yaml", "formatVersion: 1\ntaxonomy: [\n");
        var json = _directory.Write("b.json", "{ nope }");
        var valid = _directory.Write("c.yaml", SampleTaxonomy.Yaml());

        var error = Assert.Throws<TaxonomyValidationException>(() => TaxonomyReader.ReadFiles([yaml, json, valid]));

        Assert.Equal([yaml, json], error.Problems.Select(p => p.File));
    }
}
