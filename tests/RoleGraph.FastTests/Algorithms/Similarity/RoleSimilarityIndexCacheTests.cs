using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Algorithms.RoleSimilarity;

public sealed class RoleSimilarityIndexCacheTests
{
    private static GraphSnapshot Graph() => TestGraph.Create()
        .Role("q", "Baker").Role("a", "Plumber").Role("m", "Miner").Skill("sql")
        .Responsibility("r1", "Kafka").ResponsibleFor("q", "r1").ResponsibleFor("a", "r1")
        .Build();

    [Fact]
    public void Options_are_checked_when_the_cache_is_made_not_at_its_first_query()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new RoleSimilarityIndexCache(null!));
        Assert.Equal("options", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoleSimilarityIndexCache(new SimilarityOptions { ToolsWeight = -1 }));
    }

    [Fact]
    public void A_missing_snapshot_is_refused_by_name()
    {
        var cache = new RoleSimilarityIndexCache(new SimilarityOptions());

        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => cache.For(null!)).ParamName);
    }

    [Fact]
    public void The_index_of_the_snapshot_after_a_write_that_leaves_the_text_alone_takes_over_the_text_of_the_last_one()
    {
        var cache = new RoleSimilarityIndexCache(new SimilarityOptions());
        var before = Graph();
        var after = before.Apply(GraphEditPlanner.Plan(before, new GraphEdit { UpsertLinks = [new GraphLink("q", "sql", RelationKind.Requires)] }).Changes);

        var term = cache.For(before).Explain(before.IndexOf("q"), before.IndexOf("a")).SharedTerms.Single().Term;
        var termAfter = cache.For(after).Explain(after.IndexOf("q"), after.IndexOf("a")).SharedTerms.Single().Term;

        Assert.Equal("kafka", termAfter);
        // The same string object: the text was not tokenized again (which would give an equal but new one).
        Assert.Same(term, termAfter);
    }
}
