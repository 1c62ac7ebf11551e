using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Algorithms.RoleSimilarity;

/// <summary>
/// Building an index from the one before a write (<see cref="RoleSimilarityIndex.Build(GraphSnapshot, SimilarityOptions, RoleSimilarityIndex?)"/>):
/// the text facet is taken over only where everything it reads is unchanged, and read again otherwise. Each changed
/// graph is derived from the first as the store derives it (planned edit, applied to the snapshot).
/// </summary>
public sealed class RoleSimilarityIndexReuseTests
{
    private static readonly SimilarityOptions Options = new();

    /// <summary>
    /// Text only from responsibilities named by one word each (the roles' names share none): q and a share "kafka",
    /// q and b share "oven", miner shares nothing. Skill ids sort before the responsibilities and tool ids after, so
    /// each role's responsibility links sit between other links in its neighbour list.
    /// </summary>
    private static GraphSnapshot Before() => TestGraph.Create()
        .Role("q", "Baker").Role("a", "Plumber").Role("b", "Welder").Role("m", "Miner")
        .Skill("k-java").Skill("k-sql").Tool("t-excel")
        .Responsibility("r1", "Kafka").Responsibility("r2", "Oven").Responsibility("r3", "Glass")
        .Requires("q", "k-sql").Uses("q", "t-excel").ResponsibleFor("q", "r1").ResponsibleFor("q", "r2")
        .Requires("a", "k-sql").Uses("a", "t-excel").ResponsibleFor("a", "r1")
        .ResponsibleFor("b", "r2").ResponsibleFor("b", "r3")
        .Build();

    private static GraphSnapshot After(GraphSnapshot graph, GraphEdit edit) => graph.Apply(GraphEditPlanner.Plan(graph, edit).Changes);

    private static GraphEdit AddLinks(params GraphLink[] links) => new() { UpsertLinks = links };

    private static GraphEdit Upsert(GraphNode node) => new() { UpsertNodes = [node] };

    private static string[] SharedTerms(RoleSimilarityIndex index, string role, string other) =>
        index.Explain(index.Graph.IndexOf(role), index.Graph.IndexOf(other)).SharedTerms.Select(t => t.Term).Order(StringComparer.Ordinal).ToArray();

    private static RoleSimilarityIndex Rebuilt(GraphEdit edit, out RoleSimilarityIndex previous)
    {
        var before = Before();
        previous = RoleSimilarityIndex.Build(before, Options);
        return RoleSimilarityIndex.Build(After(before, edit), Options, previous);
    }

    [Fact]
    public void A_write_that_leaves_every_role_text_alone_keeps_the_previous_text()
    {
        // A skill link added between q's other links, an unrelated node renamed: nothing the text facet reads.
        var edit = new GraphEdit
        {
            UpsertLinks = [new GraphLink("q", "k-java", RelationKind.Requires)],
            UpsertNodes = [new GraphNode("t-excel", NodeKind.Tool, "Spreadsheets", null, [], GraphNode.NoProperties)],
        };

        var index = Rebuilt(edit, out var previous);

        Assert.Equal(["kafka"], SharedTerms(index, "q", "a"));
        Assert.Equal(["oven"], SharedTerms(index, "q", "b"));
        // Taken over, not read again: the very strings of the previous index. Rebuilding would give equal results,
        // only slower, and nothing else would notice a reuse that stopped working.
        Assert.Same(
            previous.Explain(previous.Graph.IndexOf("q"), previous.Graph.IndexOf("a")).SharedTerms[0].Term,
            index.Explain(index.Graph.IndexOf("q"), index.Graph.IndexOf("a")).SharedTerms[0].Term);
    }

    [Fact]
    public void A_responsibility_whose_description_changed_is_read_again()
    {
        var before = Before();
        var edit = Upsert(before.Find("r1")! with { Description = "Glass kiln" });

        var index = Rebuilt(edit, out _);

        Assert.Equal(["glass", "kafka", "kiln"], SharedTerms(index, "q", "a"));
        Assert.Equal(["glass", "oven"], SharedTerms(index, "q", "b"));
    }

    [Fact]
    public void A_responsibility_link_added_after_the_others_is_read()
    {
        // r3 sorts after q's r1 and r2: the new list is the old one and one more.
        var index = Rebuilt(AddLinks(new GraphLink("q", "r3", RelationKind.ResponsibleFor)), out _);

        Assert.Equal(["glass", "oven"], SharedTerms(index, "q", "b"));
    }

    [Fact]
    public void A_responsibility_link_removed_from_the_end_is_no_longer_read()
    {
        // r2 is q's last responsibility: the new list is the old one but the last.
        var index = Rebuilt(new GraphEdit { DeleteLinks = [new LinkKey("q", "r2", RelationKind.ResponsibleFor)] }, out _);

        Assert.Empty(SharedTerms(index, "q", "b"));
        Assert.Equal(["kafka"], SharedTerms(index, "q", "a"));
    }

    [Fact]
    public void A_responsibility_link_replaced_by_another_is_read()
    {
        // As many responsibilities as before, but the first is another one.
        var edit = new GraphEdit
        {
            DeleteLinks = [new LinkKey("a", "r1", RelationKind.ResponsibleFor)],
            UpsertLinks = [new GraphLink("a", "r2", RelationKind.ResponsibleFor)],
        };

        var index = Rebuilt(edit, out _);

        Assert.Equal(["oven"], SharedTerms(index, "q", "a"));
    }

    [Fact]
    public void A_renamed_role_is_read_again()
    {
        var index = Rebuilt(Upsert(new GraphNode("a", NodeKind.Role, "Oven technician", null, [], GraphNode.NoProperties)), out _);

        Assert.Equal(["kafka", "oven"], SharedTerms(index, "q", "a"));
    }

    [Fact]
    public void A_role_added_or_removed_makes_the_text_read_again()
    {
        var added = Rebuilt(
            new GraphEdit
            {
                UpsertNodes = [new GraphNode("c", NodeKind.Role, "Potter", null, [], GraphNode.NoProperties)],
                UpsertLinks = [new GraphLink("c", "r1", RelationKind.ResponsibleFor)],
            },
            out _);
        Assert.Equal(["kafka"], SharedTerms(added, "q", "c"));
        Assert.Equal(5, added.RoleCount);

        // Without m, weights are ln(3 / roles having the word): q has baker (ln 3), kafka and oven (ln 3/2 each),
        // a has plumber (ln 3) and kafka; they share kafka alone.
        var removed = Rebuilt(new GraphEdit { DeleteNodes = ["m"], Cascade = true }, out _);
        Assert.Equal(3, removed.RoleCount);
        Assert.Equal(["kafka"], SharedTerms(removed, "q", "a"));
        var (rare, shared) = (Math.Log(3), Math.Log(1.5));
        var cosine = shared * shared / (Math.Sqrt((rare * rare) + (2 * shared * shared)) * Math.Sqrt((rare * rare) + (shared * shared)));
        Assert.Equal(cosine, removed.Explain(removed.Graph.IndexOf("q"), removed.Graph.IndexOf("a")).Facets.Single(f => f.Facet == SimilarityFacets.Text).Cosine, 12);
    }
}
