using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

public sealed class SearchTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    private const string Query = """
        query($text: String!, $kinds: [NodeKind!], $first: Int) {
          search(text: $text, kinds: $kinds, first: $first) { node { id } kind match matchedText } }
        """;

    [Fact]
    public async Task Matches_rank_exact_then_prefix_then_token_then_substring()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { text = "DATA" });
        var hits = data["search"]!.AsArray();
        var matches = hits.Select(h => (string)h!["match"]!).ToList();

        Assert.Equal(matches.OrderBy(m => Array.IndexOf(["EXACT", "PREFIX", "TOKEN", "SUBSTRING"], m)), matches);
        Assert.Equal(("data-analysis", "PREFIX"), ((string)hits[0]!["node"]!["id"]!, (string)hits[0]!["match"]!));
        Assert.Contains(hits, h => (string?)h!["node"]!["id"] == "data-scientist" && (string?)h["match"] == "PREFIX");
        Assert.Contains(hits, h => (string?)h!["node"]!["id"] == "analyze-large-datasets" && (string?)h["match"] == "TOKEN");

        // "Understanding of data and algorithms" is a TOKEN match by name but a PREFIX match by its alias
        // "Data and algorithms": the best match counts, and an alias match ranks after the name matches.
        var prefixes = hits.Where(h => (string?)h!["match"] == "PREFIX").Select(h => (string)h!["node"]!["id"]!).ToList();
        Assert.Equal("data-and-algorithms", prefixes[^1]);
        Assert.Equal("Data and algorithms", (string?)hits[prefixes.Count - 1]!["matchedText"]);
    }

    [Fact]
    public async Task Exact_names_and_aliases_match_case_insensitively()
    {
        var exact = await app.GraphQL().QueryAsync(Query, new { text = "python" });
        Assert.Equal(("python", "EXACT", "Python"),
            ((string)exact["search"]![0]!["node"]!["id"]!, (string)exact["search"]![0]!["match"]!, (string)exact["search"]![0]!["matchedText"]!));

        var alias = await app.GraphQL().QueryAsync(Query, new { text = "amazon web services" });
        Assert.Equal(("aws", "EXACT", "Amazon Web Services"),
            ((string)alias["search"]![0]!["node"]!["id"]!, (string)alias["search"]![0]!["match"]!, (string)alias["search"]![0]!["matchedText"]!));
    }

    [Fact]
    public async Task Kinds_and_first_narrow_the_results()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { text = "py", kinds = new[] { "TOOL" }, first = 5 });
        Assert.Equal(["pytorch"], data["search"]!.AsArray().Select(h => (string)h!["node"]!["id"]!));

        var limited = await app.GraphQL().QueryAsync(Query, new { text = "a", first = 3 });
        Assert.Equal(3, limited["search"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("   ", 20, "text")]
    [InlineData("data", 0, "first")]
    [InlineData("data", 101, "first")]
    public async Task Bad_arguments_are_bad_user_input(string text, int first, string argument)
    {
        var response = await app.GraphQL().PostAsync(Query, new { text, first });

        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());
        Assert.Equal(argument, (string?)response.Errors![0]!["extensions"]!["argument"]);
    }
}
