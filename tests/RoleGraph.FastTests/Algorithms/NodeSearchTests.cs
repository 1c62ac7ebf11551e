using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Algorithms;

public sealed class NodeSearchTests
{
    private static GraphSnapshot Graph() => TestGraph.Create()
        .Skill("n1", "Data")
        .Skill("n2", "Database")
        .Skill("n3", "Big data")
        .Skill("n4", "Metadata")
        .Skill("n5", "Metadata and data lakes")
        .Tool("n6", "Aardvark", "DATA")
        .Tool("n7", "Zebra", "Data warehouse")
        .Skill("n8", "Data pipelines", "DaTa")
        .Role("n9", "Analyst", "Numbers")
        .Category("n10", "Datum")
        .Build();

    private static IReadOnlyList<SearchHit> Find(string text, NodeKind[]? kinds = null, int first = 20) =>
        NodeSearch.Find(Graph(), text, kinds, first);

    [Fact]
    public void Exact_beats_prefix_beats_token_beats_substring()
    {
        var hits = Find("data");

        Assert.Equal(["n1", "n6", "n8", "n2", "n7", "n3", "n5", "n4"], hits.Select(h => h.Node.Id));
        Assert.Equal(
            [SearchMatch.Exact, SearchMatch.Exact, SearchMatch.Exact, SearchMatch.Prefix, SearchMatch.Prefix, SearchMatch.Token, SearchMatch.Token, SearchMatch.Substring],
            hits.Select(h => h.Match));
    }

    [Fact]
    public void Hits_name_the_name_or_alias_that_matched_as_written()
    {
        var hits = Find("data").ToDictionary(h => h.Node.Id, h => h.MatchedText);

        Assert.Equal("Data", hits["n1"]);
        Assert.Equal("DATA", hits["n6"]);
        Assert.Equal("Data warehouse", hits["n7"]);
        Assert.Equal("Metadata", hits["n4"]);
    }

    [Fact]
    public void A_name_match_beats_an_alias_match_of_the_same_rank_whatever_the_names()
    {
        // Aardvark sorts before Data, but matches on its alias; Zebra after Database likewise.
        var hits = Find("data").Select(h => h.Node.Id).ToList();

        Assert.True(hits.IndexOf("n1") < hits.IndexOf("n6"));
        Assert.True(hits.IndexOf("n2") < hits.IndexOf("n7"));
    }

    [Fact]
    public void The_best_of_name_and_aliases_counts()
    {
        // "Data pipelines" is only a prefix match by name, but its alias "DaTa" is exact.
        var hit = Find("data").Single(h => h.Node.Id == "n8");

        Assert.Equal(SearchMatch.Exact, hit.Match);
        Assert.Equal("DaTa", hit.MatchedText);
    }

    [Fact]
    public void A_text_first_found_mid_word_and_later_at_a_word_start_is_a_token_match()
    {
        var hit = Find("data").Single(h => h.Node.Id == "n5");

        Assert.Equal(SearchMatch.Token, hit.Match);
        Assert.Equal(SearchMatch.Substring, Find("data").Single(h => h.Node.Id == "n4").Match);
    }

    [Theory]
    [InlineData("DATA")]
    [InlineData("Data")]
    [InlineData("dAtA")]
    public void Matching_ignores_case(string text)
    {
        Assert.Equal(
            Find("data").Select(h => (h.Node.Id, h.Match)),
            Find(text).Select(h => (h.Node.Id, h.Match)));
    }

    [Fact]
    public void Kinds_restrict_the_hits()
    {
        Assert.Equal(["n6", "n7"], Find("data", [NodeKind.Tool]).Select(h => h.Node.Id));
        Assert.Equal(["n10", "n6", "n7"], Find("dat", [NodeKind.Tool, NodeKind.Category]).Select(h => h.Node.Id)); // all prefix; n10 by name
        Assert.Empty(Find("data", [NodeKind.Role]));
        Assert.Equal(8, Find("data", []).Count);
    }

    [Fact]
    public void Aliases_are_searched()
    {
        var hit = Assert.Single(Find("numb"));

        Assert.Equal(("n9", SearchMatch.Prefix, "Numbers"), (hit.Node.Id, hit.Match, hit.MatchedText));
    }

    [Theory]
    [InlineData(1, new[] { "n1" })]
    [InlineData(4, new[] { "n1", "n6", "n8", "n2" })]
    public void First_keeps_the_best_hits(int first, string[] expected)
    {
        Assert.Equal(expected, Find("data", first: first).Select(h => h.Node.Id));
    }

    [Fact]
    public void Hits_of_the_same_rank_come_by_name_then_id_whatever_their_kind()
    {
        var graph = TestGraph.Create()
            .Tool("t9", "Spark SQL").Skill("s2", "Big SQL").Skill("s1", "Big SQL").Category("c0", "Cloud SQL")
            .Build();

        var hits = NodeSearch.Find(graph, "sql", null, 20);

        Assert.Equal(["s1", "s2", "c0", "t9"], hits.Select(h => h.Node.Id));
        Assert.All(hits, h => Assert.Equal(SearchMatch.Token, h.Match));
    }

    [Fact]
    public void A_text_found_nowhere_gives_nothing()
    {
        Assert.Empty(Find("kubernetes"));
        Assert.Empty(Find("datax"));
    }
}
