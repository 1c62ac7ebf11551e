using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Algorithms.RoleSimilarity;

public sealed class RoleSimilarityIndexTests
{
    private static readonly SimilarityOptions ToolsOnly = new() { SkillsWeight = 0, TextWeight = 0 };

    private static RoleSimilarityIndex Index(GraphSnapshot graph, SimilarityOptions? options = null) =>
        RoleSimilarityIndex.Build(graph, options ?? new SimilarityOptions());

    private static string[] RankedIds(RoleSimilarityIndex index, string role, int first = 10) =>
        index.Rank(index.Graph.IndexOf(role), first).Select(r => r.Node.Id).ToArray();

    /// <summary>Roles f1..f4 pad the graph so that "excel" is common (5 of 7 roles) and "spark" rare (2 of 7).</summary>
    private static TestGraph Tools() => TestGraph.Create()
        .Role("q", "Query").Role("rare", "Rare").Role("common", "Common").Role("f1").Role("f2").Role("f3").Role("f4")
        .Tool("spark", "Apache Spark").Tool("excel", "Microsoft Excel")
        .Uses("q", "spark").Uses("q", "excel").Uses("rare", "spark").Uses("common", "excel")
        .Uses("f1", "excel").Uses("f2", "excel");

    [Fact]
    public void A_rare_shared_tool_outweighs_a_common_one()
    {
        var index = Index(Tools().Build(), ToolsOnly);

        var ranked = index.Rank(index.Graph.IndexOf("q"), 10);

        Assert.Equal("rare", ranked[0].Node.Id);
        Assert.True(ranked[0].Score > 2 * ranked.Single(r => r.Node.Id == "common").Score);
        Assert.Equal("spark", Assert.Single(ranked[0].SharedItems).Node.Id);
    }

    [Fact]
    public void A_tool_every_role_uses_contributes_nothing()
    {
        var graph = TestGraph.Create()
            .Role("q").Role("a").Role("b").Tool("email").Tool("cad")
            .Uses("q", "email").Uses("a", "email").Uses("b", "email").Uses("q", "cad").Uses("b", "cad")
            .Build();
        var index = Index(graph, ToolsOnly);

        var ranked = index.Rank(graph.IndexOf("q"), 10);

        // a shares only email: nothing in common that says anything. b's explanation names cad alone.
        Assert.Equal(["b"], ranked.Select(r => r.Node.Id));
        Assert.Equal(["cad"], ranked[0].SharedItems.Select(s => s.Node.Id));
        Assert.Equal(0, index.Score(graph.IndexOf("q"), graph.IndexOf("a")));
    }

    [Fact]
    public void The_text_facet_finds_roles_whose_responsibilities_share_words()
    {
        var graph = TestGraph.Create()
            .Role("q", "Analyst").Role("similar", "Researcher").Role("other", "Mechanic").Role("filler", "Cook")
            .Responsibility("t1", "Analyzes large datasets to identify trends")
            .Responsibility("t2", "Analyzing sales datasets for seasonal trends")
            .Responsibility("t3", "Repairs brakes and transmissions of trucks")
            .Responsibility("t4", "Prepares meals")
            .ResponsibleFor("q", "t1").ResponsibleFor("similar", "t2").ResponsibleFor("other", "t3").ResponsibleFor("filler", "t4")
            .Build();
        var index = Index(graph);

        var ranked = index.Rank(graph.IndexOf("q"), 10);

        var top = Assert.Single(ranked);
        Assert.Equal("similar", top.Node.Id);
        Assert.Equal(["analyz", "dataset", "trend"], top.SharedTerms.Select(t => t.Term).Order(StringComparer.Ordinal));
        Assert.Contains(top.SharedTerms, t => t.Word is "datasets");
        Assert.Equal(1.0, top.Facets.Single(f => f.Facet == SimilarityFacets.Text).Share);
    }

    [Fact]
    public void Facet_weights_decide_which_kind_of_overlap_counts_more()
    {
        // by-skill shares q's skill, by-tool q's tool; each also has an item of the other kind q lacks, so both are
        // compared on both facets. A fourth role holds neither, so both shared items are specific.
        var graph = TestGraph.Create()
            .Role("q").Role("by-skill").Role("by-tool").Role("none")
            .Skill("sql").Tool("spark").Skill("cooking").Tool("oven")
            .Requires("q", "sql", 0.8, 0.5).Requires("by-skill", "sql", 0.8, 0.5).Requires("by-tool", "cooking").Requires("none", "cooking")
            .Uses("q", "spark").Uses("by-tool", "spark").Uses("none", "oven").Uses("by-skill", "oven")
            .Build();

        Assert.Equal(["by-skill", "by-tool"], RankedIds(Index(graph, new SimilarityOptions { SkillsWeight = 3, ToolsWeight = 1 }), "q"));
        Assert.Equal(["by-tool", "by-skill"], RankedIds(Index(graph, new SimilarityOptions { SkillsWeight = 1, ToolsWeight = 3 }), "q"));
        Assert.Equal(["by-skill"], RankedIds(Index(graph, new SimilarityOptions { ToolsWeight = 0 }), "q"));

        // Only facets with content take a share: this graph has no text but the roles' one-word names ("q", "none"...).
        var shares = Index(graph, new SimilarityOptions { SkillsWeight = 3, ToolsWeight = 1, TextWeight = 0 }).Shares;
        Assert.Equal([(SimilarityFacets.Skills, 0.75), (SimilarityFacets.Tools, 0.25), (SimilarityFacets.Text, 0.0)], shares);
    }

    [Fact]
    public void A_facet_one_role_has_nothing_in_is_left_out_of_the_comparison_rather_than_counted_against_it()
    {
        // unrated has no skills at all; rated has skills unlike q's. Both use q's one tool.
        var graph = TestGraph.Create()
            .Role("q").Role("unrated").Role("rated").Role("none")
            .Skill("sql").Skill("welding").Tool("spark").Tool("torch")
            .Requires("q", "sql").Requires("rated", "welding").Requires("none", "welding")
            .Uses("q", "spark").Uses("unrated", "spark").Uses("rated", "spark").Uses("none", "torch")
            .Build();
        var index = Index(graph);

        var ranked = index.Rank(graph.IndexOf("q"), 10);

        Assert.Equal(["unrated", "rated"], ranked.Select(r => r.Node.Id));
        Assert.Equal(1.0, ranked[0].Score, 12); // the tools facet alone, and it agrees fully
        Assert.Equal((0.0, 0.0), ranked[0].Facets.Where(f => f.Facet == SimilarityFacets.Skills).Select(f => (f.Cosine, f.Share)).Single());
        Assert.Equal(0.5, ranked[1].Score, 12); // skills disagree, tools agree, equal weights

        // Score, the pairwise form, leaves the facet out the same way, whichever role comes first.
        var (q, unrated, rated) = (graph.IndexOf("q"), graph.IndexOf("unrated"), graph.IndexOf("rated"));
        Assert.Equal(1.0, index.Score(q, unrated), 12);
        Assert.Equal(0.5, index.Score(q, rated), 12);
        Assert.Equal(0.5, index.Score(rated, q), 12);
    }

    [Fact]
    public void Equal_scores_are_ordered_by_name_then_id_and_do_not_depend_on_link_order()
    {
        var builder = TestGraph.Create()
            .Role("q", "Query").Role("z", "Alpha").Role("y", "Beta").Role("x", "Alpha").Role("w", "Other")
            .Skill("s1").Skill("s2").Tool("t1")
            .Requires("q", "s1", 0.1).Requires("q", "s2", 0.2).Uses("q", "t1");
        foreach (var role in new[] { "z", "y", "x" })
        {
            builder.Requires(role, "s1", 0.1).Requires(role, "s2", 0.2).Uses(role, "t1");
        }

        var graph = builder.Requires("w", "s1", 0.9).Build();
        var document = builder.Document();
        var reversed = GraphSnapshot.Build(document.Nodes.Reverse(), document.Links.Reverse());

        // x and z are both named Alpha: id order between them.
        Assert.Equal(["x", "z", "y", "w"], RankedIds(Index(graph), "q"));
        Assert.Equal(["x", "z", "y", "w"], RankedIds(Index(reversed), "q"));
        var index = Index(graph);
        var (q, z) = (graph.IndexOf("q"), graph.IndexOf("z"));
        Assert.Equal(index.Score(q, z), index.Score(z, q));
        Assert.Equal(index.Rank(q, 10)[1].Score, index.Score(q, z));
        Assert.Equal(
            index.Rank(q, 10).Select(r => (r.Node.Id, r.Score)),
            Index(reversed).Rank(reversed.IndexOf("q"), 10).Select(r => (r.Node.Id, r.Score)));
    }

    [Fact]
    public void An_index_built_from_only_the_roles_and_what_they_link_to_ranks_as_one_built_from_the_whole_graph()
    {
        // What a store that fetches part of the graph (Neo4j) would build from: roles, their skills, tools and
        // responsibilities, without categories, SUPPORTS or RELATED_TO links. The seed has all of those.
        var seed = TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed"));
        var whole = GraphSnapshot.Build(seed.Nodes, seed.Links);
        var roleLinks = seed.Links.Where(l => l.Relation is RelationKind.Requires or RelationKind.Uses or RelationKind.ResponsibleFor).ToArray();
        var reached = roleLinks.SelectMany(l => new[] { l.FromId, l.ToId }).ToHashSet();
        var part = GraphSnapshot.Build(seed.Nodes.Where(n => n.Kind == NodeKind.Role || reached.Contains(n.Id)), roleLinks);
        Assert.True(part.NodeCount < whole.NodeCount && part.LinkCount < whole.LinkCount);

        var (fromWhole, fromPart) = (Index(whole), Index(part));
        foreach (var role in seed.Nodes.Where(n => n.Kind == NodeKind.Role))
        {
            Assert.Equal(
                fromWhole.Rank(whole.IndexOf(role.Id), 10).Select(r => (r.Node.Id, r.Score, string.Join(" ", r.SharedItems.Select(i => i.Node.Id)))),
                fromPart.Rank(part.IndexOf(role.Id), 10).Select(r => (r.Node.Id, r.Score, string.Join(" ", r.SharedItems.Select(i => i.Node.Id)))));
        }
    }

    [Fact]
    public void An_explanation_names_each_facet_and_the_shared_items_and_words_that_add_up_to_the_score()
    {
        var graph = TestGraph.Create()
            .Role("q", "Data Engineer").Role("a", "Data Scientist").Role("b", "Chef").Role("c", "Welder")
            .Skill("python", "Python").Skill("stats", "Statistics").Skill("knife", "Knife skills")
            .Tool("spark", "Apache Spark").Tool("oven", "Oven").Tool("torch", "Welding torch")
            .Responsibility("p1", "Builds pipelines for large datasets").Responsibility("p2", "Analyzes large datasets")
            .Requires("q", "python", 0.9, 0.8).Requires("q", "stats", 0.4, 0.5)
            .Requires("a", "python", 0.8, 0.7).Requires("a", "stats", 0.9, 0.9)
            .Requires("b", "knife", 1, 1).Requires("c", "knife", 0.2, 0.2)
            .Uses("q", "spark").Uses("a", "spark").Uses("b", "oven").Uses("c", "torch")
            .ResponsibleFor("q", "p1").ResponsibleFor("a", "p2")
            .Build();
        var index = Index(graph, new SimilarityOptions { ExplainItems = 10, ExplainTerms = 10 });

        var top = index.Rank(graph.IndexOf("q"), 1)[0];

        Assert.Equal("a", top.Node.Id);
        Assert.Equal([SimilarityFacets.Skills, SimilarityFacets.Tools, SimilarityFacets.Text], top.Facets.Select(f => f.Facet));
        Assert.Equal([0.25, 0.25, 0.5], top.Facets.Select(f => f.Share));
        Assert.Equal(1.0, top.Facets.Single(f => f.Facet == SimilarityFacets.Tools).Cosine, 12);
        Assert.Equal(top.Score, top.Facets.Sum(f => f.Contribution), 9);
        Assert.Equal(top.Score, top.SharedItems.Sum(i => i.Contribution) + top.SharedTerms.Sum(t => t.Contribution), 9);

        // Spark, the one tool both use, alone makes the tools facet: a quarter of the score's weight.
        Assert.Equal(["spark", "python", "stats"], top.SharedItems.Select(i => i.Node.Id));
        Assert.Equal((SimilarityFacets.Tools, 0.25), (top.SharedItems[0].Facet, top.SharedItems[0].Contribution));
        Assert.Equal(["data", "dataset", "larg"], top.SharedTerms.Select(t => t.Term).Order(StringComparer.Ordinal));
        Assert.True(top.SharedItems.Zip(top.SharedItems.Skip(1)).All(p => p.First.Contribution >= p.Second.Contribution));

        var brief = RoleSimilarityIndex.Build(graph, new SimilarityOptions { ExplainItems = 1, ExplainTerms = 0 }).Rank(graph.IndexOf("q"), 1)[0];
        Assert.Equal(["spark", "python"], brief.SharedItems.Select(i => i.Node.Id)); // the best of each item facet
        Assert.Empty(brief.SharedTerms);
    }

    [Fact]
    public void Nearest_leaves_out_the_role_itself_and_answers_nothing_for_other_nodes()
    {
        var graph = Tools().Build();
        var index = Index(graph, ToolsOnly);

        var nearest = index.Nearest(graph.IndexOf("q"), 2);

        Assert.Equal(2, nearest.Count);
        Assert.DoesNotContain(nearest, n => n.Role == graph.IndexOf("q"));
        Assert.Empty(index.Nearest(graph.IndexOf("spark"), 5));
        Assert.Empty(index.Nearest(graph.IndexOf("q"), 0));
        Assert.Equal(0, index.Score(graph.IndexOf("q"), graph.IndexOf("spark")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Index(graph, new SimilarityOptions { TextWeight = -1 }));

        var empty = Index(GraphSnapshot.Empty);
        Assert.Equal(0, empty.RoleCount);
        Assert.Empty(empty.Nearest(0, 5));
    }

    [Fact]
    public void The_cache_builds_one_index_per_snapshot()
    {
        var cache = new RoleSimilarityIndexCache(ToolsOnly);
        var (one, other) = (Tools().Build(), Tools().Build());

        Assert.Same(cache.For(one), cache.For(one));
        Assert.NotSame(cache.For(one), cache.For(other));
        Assert.Same(one, cache.For(one).Graph);
        Assert.Same(ToolsOnly, cache.For(one).Options);
    }

    [Fact]
    public void On_the_seed_the_two_roles_are_similar_for_the_skills_they_share()
    {
        var seed = TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed"));
        var graph = GraphSnapshot.Build(seed.Nodes, seed.Links);
        var index = Index(graph);

        var top = Assert.Single(index.Rank(graph.IndexOf("machine-learning-engineer"), 10));

        Assert.Equal("data-scientist", top.Node.Id);
        Assert.True(top.Score > 0);
        Assert.Contains(top.SharedItems, i => i.Node.Id == "python");
        Assert.All(top.SharedItems, i => Assert.Equal(NodeKind.Skill, i.Node.Kind));
    }
}
