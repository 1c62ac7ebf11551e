using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Algorithms.RoleSimilarity;

/// <summary>
/// The text facet's raw material, read straight from <see cref="RoleText"/>: which texts it reads, the feature order,
/// the TF-IDF weights and the word shown for each stem. The graphs are written here rather than with
/// <see cref="TestGraph"/>, which gives no node a description.
/// </summary>
public sealed class RoleTextTests
{
    private static readonly double Ln2 = Math.Log(2);
    private static readonly double Ln3 = Math.Log(3);
    private static readonly double Ln3Over2 = Math.Log(1.5);

    private static GraphNode Role(string id, string name, string? description = null, params string[] aliases) =>
        new(id, NodeKind.Role, name, description, aliases, GraphNode.NoProperties);

    private static GraphNode Responsibility(string id, string name, string? description = null) =>
        new(id, NodeKind.Responsibility, name, description, [], GraphNode.NoProperties);

    private static GraphLink ResponsibleFor(string role, string responsibility) => new(role, responsibility, RelationKind.ResponsibleFor);

    private static (GraphSnapshot Graph, RoleText Text) Build(GraphNode[] nodes, params GraphLink[] links)
    {
        var graph = GraphSnapshot.Build(nodes, links);
        return (graph, RoleText.Build(graph, graph.OfKind(NodeKind.Role).ToArray()));
    }

    private static string WordOf(RoleText text, string term) => text.Words[Array.IndexOf(text.Terms, term)];

    [Fact]
    public void The_terms_are_the_stems_of_name_aliases_description_and_responsibilities_in_ordinal_order()
    {
        var (_, text) = Build(
            [Role("r", "Zoologist", "Feeds animals", "Keeper"), Responsibility("p", "Cleans enclosures", "Yards and pens")],
            ResponsibleFor("r", "p"));

        Assert.Equal(["animal", "clean", "enclosur", "feed", "keeper", "pen", "yard", "zoologist"], text.Terms);
        Assert.Equal(["animals", "cleans", "enclosures", "feeds", "keeper", "pens", "yards", "zoologist"], text.Words);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], Assert.Single(text.Rows).Features);
    }

    [Fact]
    public void A_weight_is_one_plus_the_log_of_the_count_times_the_log_of_how_rare_the_stem_is()
    {
        var (_, text) = Build([Role("a", "Welder", "Welds steel and welds pipes"), Role("b", "Plumber", "Fits steel pipes")]);

        Assert.Equal(["fit", "pipe", "plumber", "steel", "weld", "welder"], text.Terms);
        var (a, b) = (text.Rows[0], text.Rows[1]);
        Assert.Equal([1, 3, 4, 5], a.Features);
        Assert.Equal([0, 0, (1 + Ln2) * Ln2, Ln2], a.Values); // pipe and steel, in both roles, say nothing
        Assert.Equal([0, 1, 2, 3], b.Features);
        Assert.Equal([Ln2, 0, Ln2, 0], b.Values);
    }

    [Fact]
    public void A_shared_responsibility_adds_its_own_words_to_each_of_its_roles_and_no_other_role_words()
    {
        var (_, text) = Build(
            [Role("a", "Welder"), Role("b", "Plumber"), Role("c", "Cook"), Responsibility("p", "Cuts pipes")],
            ResponsibleFor("a", "p"), ResponsibleFor("b", "p"));

        Assert.Equal(["cook", "cut", "pipe", "plumber", "welder"], text.Terms);
        Assert.Equal([1, 2, 4], text.Rows[0].Features);
        Assert.Equal([Ln3Over2, Ln3Over2, Ln3], text.Rows[0].Values);
        Assert.Equal([1, 2, 3], text.Rows[1].Features);
        Assert.Equal([Ln3Over2, Ln3Over2, Ln3], text.Rows[1].Values);
        Assert.Equal([0], text.Rows[2].Features);
        Assert.Equal([Ln3], text.Rows[2].Values);
    }

    [Theory]
    [InlineData("b", "a", 0)]
    [InlineData("a", "b", 1)]
    [InlineData("a", "n", 2)]
    public void A_responsibility_counts_wherever_its_node_sits_in_the_graph(string role, string responsibility, int node)
    {
        // Node indexes follow ids. A skill's name is no text of the role.
        var (graph, text) = Build(
            [Role(role, "Welder"), Responsibility(responsibility, "Cuts pipes"), new GraphNode("m", NodeKind.Skill, "Metal", null, [], GraphNode.NoProperties)],
            ResponsibleFor(role, responsibility), new GraphLink(role, "m", RelationKind.Requires));
        Assert.Equal(node, graph.IndexOf(responsibility));

        Assert.Equal(["cut", "pipe", "welder"], text.Terms);
        Assert.Equal([0, 1, 2], Assert.Single(text.Rows).Features);
    }

    [Fact]
    public void The_word_shown_for_a_stem_is_the_one_written_most_often()
    {
        var (_, text) = Build([Role("a", "Analyst", "Analyzing data, analyzing trends; analyzes reports")]);

        Assert.Equal("analyzing", WordOf(text, "analyz"));
    }

    [Theory]
    [InlineData("Analyzes data, analyzing trends")]
    [InlineData("Analyzing data, analyzes trends")]
    public void Between_words_written_as_often_the_ordinal_first_is_shown_whichever_came_first(string description)
    {
        var (_, text) = Build([Role("a", "Analyst", description)]);

        Assert.Equal("analyzes", WordOf(text, "analyz"));
    }

    [Fact]
    public void A_responsibility_several_roles_share_is_written_once_so_its_words_count_once_for_the_word_shown()
    {
        // "analyzing" is written twice (the roles' descriptions), "analyzes" once (the shared responsibility).
        var (_, text) = Build(
            [Role("a", "Analyst", "Analyzing"), Role("b", "Auditor", "Analyzing"), Responsibility("p", "Analyzes data")],
            ResponsibleFor("a", "p"), ResponsibleFor("b", "p"));

        Assert.Equal("analyzing", WordOf(text, "analyz"));
    }
}
