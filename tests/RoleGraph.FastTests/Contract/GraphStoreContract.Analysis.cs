using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Contract;

/// <summary>Overlap, shortest paths, skill gap and similar roles.</summary>
public abstract partial class GraphStoreContract<TFixture>
{
    private const string Mle = "machine-learning-engineer";
    private const string Ds = "data-scientist";

    /// <summary>The skill the most roles require (the lowest id among equals).</summary>
    private static string MostPopularSkill(DatasetModel model) =>
        model.OfKind(NodeKind.Skill)
            .OrderByDescending(n => model.Links(n.Id, RelationKind.Requires, LinkDirection.Incoming).Count())
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .First().Id;

    private static string[] RolesRequiring(DatasetModel model, string skill, int count) =>
        model.Links(skill, RelationKind.Requires, LinkDirection.Incoming).Select(l => l.FromId).Order(StringComparer.Ordinal).Take(count).ToArray();

    internal static readonly Dictionary<string, Func<DatasetModel, OverlapQuery>> SeedOverlaps = new()
    {
        ["the two roles"] = _ => new([Mle, Ds]),
        ["skills only"] = _ => new([Mle, Ds], [NodeKind.Skill]),
        ["tools only"] = _ => new([Mle, Ds], [NodeKind.Tool]),
        ["responsibilities only"] = _ => new([Mle, Ds], [NodeKind.Responsibility]),
        ["responsibilities and skills, asked in that order"] = _ => new([Mle, Ds], [NodeKind.Responsibility, NodeKind.Skill]),
        ["the roles the other way round"] = _ => new([Ds, Mle]),
        ["a kind given twice"] = _ => new([Mle, Ds], [NodeKind.Skill, NodeKind.Skill, NodeKind.Tool]),
        ["no kinds means every kind"] = _ => new([Mle, Ds], []),
    };

    internal static readonly Dictionary<string, Func<DatasetModel, OverlapQuery>> GeneratedOverlaps = new()
    {
        ["two roles sharing the most popular skill"] = m => new(RolesRequiring(m, MostPopularSkill(m), 2)),
        ["five roles requiring the most popular skill"] = m => new(RolesRequiring(m, MostPopularSkill(m), 5)),
        ["five roles, skills and tools"] = _ => new([GeneratedGraph.Role(3), GeneratedGraph.Role(30), GeneratedGraph.Role(100), GeneratedGraph.Role(150), GeneratedGraph.Role(250)], [NodeKind.Skill, NodeKind.Tool]),
        ["two roles, tools only"] = _ => new([GeneratedGraph.Role(1), GeneratedGraph.Role(2)], [NodeKind.Tool]),
        ["ten roles"] = _ => new(Enumerable.Range(0, 10).Select(i => GeneratedGraph.Role(i * 29)).ToArray()),
        ["the original and its twins"] = _ => new([GeneratedGraph.TwinB, GeneratedGraph.Original, GeneratedGraph.TwinA]),
        ["a role without skills or tools and another"] = _ => new([GeneratedGraph.RoleWithoutSkillsOrTools, GeneratedGraph.Role(7)]),
        ["a role without skills or tools, skills only"] = _ => new([GeneratedGraph.RoleWithoutSkillsOrTools, GeneratedGraph.Role(7)], [NodeKind.Skill]),
    };

    [Theory]
    [MemberData(nameof(ContractCases.OverlapCases), MemberType = typeof(ContractCases))]
    public async Task Overlap_lists_what_all_roles_share_and_what_each_holds_alone(ContractDataset dataset, string overlap)
    {
        var s = await ReadAsync(dataset);
        var query = (dataset == ContractDataset.Seed ? SeedOverlaps : GeneratedOverlaps)[overlap](s.Model);

        var result = await s.Store.Queries().OverlapAsync(query, Ct);

        Same(Show.Overlap(await s.Reference.Queries().OverlapAsync(query, Ct)), Show.Overlap(result), "overlap");
        Same(Show.Overlap(s.Model.Overlap(query.RoleIds, query.EffectiveKinds)), Show.Overlap(result), "overlap against the dataset");
        Assert.Equal(query.RoleIds, result.Roles.Select(r => r.Id));
        Assert.Equal(query.RoleIds, result.PerRole.Select(r => r.Role.Id));
    }

    [Fact]
    public async Task Overlap_of_the_seed_roles_shares_programming_python_and_data_and_algorithms()
    {
        var s = await ReadAsync(ContractDataset.Seed);

        var result = await s.Store.Queries().OverlapAsync(new OverlapQuery([Mle, Ds], [NodeKind.Skill, NodeKind.Tool]), Ct);

        // The README's example: 3 shared skills out of 14 skills and 7 tools in the union.
        Assert.Equal(["programming", "python", "data-and-algorithms"], result.Skills.Select(n => n.Id));
        Assert.Empty(result.Tools);
        Assert.Empty(result.Responsibilities);
        Assert.Equal(["c", "cloud-services", "java", "machine-learning-frameworks"], result.PerRole[0].Skills.Select(n => n.Id));
        Assert.Equal(["ab-testing", "stakeholder-communication", "data-analysis", "data-mining", "data-visualization", "r", "statistical-analysis"], result.PerRole[1].Skills.Select(n => n.Id));
        Assert.Equal(["aws", "azure", "gcp", "pytorch", "tensorflow"], result.PerRole[0].Tools.Select(n => n.Id));
        Assert.Equal(["matplotlib", "tableau"], result.PerRole[1].Tools.Select(n => n.Id));
        Assert.Equal(3.0 / 21, result.Jaccard, 12);
        Assert.Equal("Python programming", Assert.Single(result.Skills.Single(n => n.Id == "python").Aliases));
    }

    [Fact]
    public async Task Overlap_of_the_Generated_twins_is_everything_they_hold()
    {
        var s = await ReadAsync(ContractDataset.Generated);
        var original = s.Model.Document.Links.Where(l => l.FromId == GeneratedGraph.Original).ToList();

        var result = await s.Store.Queries().OverlapAsync(new OverlapQuery([GeneratedGraph.Original, GeneratedGraph.TwinA, GeneratedGraph.TwinB]), Ct);

        Assert.Equal(1.0, result.Jaccard);
        Assert.Equal(original.Count(l => l.Relation == RelationKind.Requires), result.Skills.Count);
        Assert.Equal(original.Count(l => l.Relation == RelationKind.Uses), result.Tools.Count);
        Assert.Equal(original.Count(l => l.Relation == RelationKind.ResponsibleFor), result.Responsibilities.Count);
        Assert.All(result.PerRole, p => Assert.Empty(p.Skills.Concat(p.Tools).Concat(p.Responsibilities)));
    }

    internal static readonly Dictionary<string, Func<DatasetModel, PathQuery>> SeedPaths = new()
    {
        ["the two roles"] = _ => new(Mle, Ds),
        ["the two roles the other way round"] = _ => new(Ds, Mle),
        ["the two roles, first 1"] = _ => new(Mle, Ds, First: 1),
        ["a tool to a tool"] = _ => new("tensorflow", "tableau"),
        ["a skill to a category"] = _ => new("python", "data-analytics"),
        ["a category to a category, up to 8 hops"] = _ => new("business-skills", "ml-framework-tools", MaxHops: 8, First: 100),
        ["via requires and related only"] = _ => new(Mle, "statistical-analysis", Via: [RelationKind.Requires, RelationKind.RelatedTo]),
        ["via supports only: none"] = _ => new("tensorflow", "tableau", Via: [RelationKind.Supports]),
        ["one hop between the roles: none"] = _ => new(Mle, Ds, MaxHops: 1),
        ["from a node to itself"] = _ => new("python", "python"),
        ["a responsibility to a responsibility"] = _ => new("communicate-findings", "write-production-code", First: 100),
    };

    internal static readonly Dictionary<string, Func<DatasetModel, PathQuery>> GeneratedPaths = new()
    {
        ["role to role"] = _ => new(GeneratedGraph.Role(0), GeneratedGraph.Role(1)),
        ["role to role, first 1"] = _ => new(GeneratedGraph.Role(0), GeneratedGraph.Role(1), First: 1),
        ["role to role, first 100"] = _ => new(GeneratedGraph.Role(0), GeneratedGraph.Role(1), First: 100),
        ["role to a root category"] = _ => new(GeneratedGraph.Role(5), GeneratedGraph.Category(0), First: 100),
        ["tool to responsibility"] = _ => new(GeneratedGraph.Tool(0), GeneratedGraph.Responsibility(3), MaxHops: 6, First: 100),
        ["via requires only"] = _ => new(GeneratedGraph.Role(0), GeneratedGraph.Role(2), Via: [RelationKind.Requires], First: 100),
        ["via categories only"] = _ => new(GeneratedGraph.Skill(0), GeneratedGraph.Category(0), MaxHops: 8, Via: [RelationKind.InCategory, RelationKind.SubcategoryOf], First: 100),
        ["related skills only"] = m => RelatedSkillsPath(m),
        ["one hop short: none"] = m => new(GeneratedGraph.Role(0), GeneratedGraph.Role(1), MaxHops: m.Distance(GeneratedGraph.Role(0), GeneratedGraph.Role(1), 8, null)!.Value - 1),
        ["to the isolated skill: none"] = _ => new(GeneratedGraph.Role(0), GeneratedGraph.IsolatedSkill, MaxHops: 8),
        ["from a node to itself"] = _ => new(GeneratedGraph.IsolatedSkill, GeneratedGraph.IsolatedSkill),
        ["twin to twin"] = _ => new(GeneratedGraph.TwinA, GeneratedGraph.TwinB, First: 100),
        ["from the role without skills"] = _ => new(GeneratedGraph.RoleWithoutSkillsOrTools, GeneratedGraph.Role(1), MaxHops: 6, First: 100),
        ["category to category"] = _ => new(GeneratedGraph.Category(38), GeneratedGraph.Category(1), MaxHops: 8, First: 100),
        ["responsibility to responsibility"] = _ => new(GeneratedGraph.Responsibility(10), GeneratedGraph.Responsibility(20), MaxHops: 8, First: 100),
    };

    /// <summary>Two skills three or more RELATED_TO hops apart.</summary>
    private static PathQuery RelatedSkillsPath(DatasetModel model)
    {
        RelationKind[] via = [RelationKind.RelatedTo];
        foreach (var from in model.Document.Links.Where(l => l.Relation == RelationKind.RelatedTo).Select(l => l.FromId).Order(StringComparer.Ordinal))
        {
            var far = model.OfKind(NodeKind.Skill).Select(n => n.Id).Order(StringComparer.Ordinal).FirstOrDefault(id => model.Distance(from, id, 8, via) >= 3);
            if (far is not null)
            {
                return new PathQuery(from, far, MaxHops: 8, Via: via, First: 100);
            }
        }

        throw new InvalidOperationException("The generated graph has no RELATED_TO chain of three hops.");
    }

    [Theory]
    [MemberData(nameof(ContractCases.PathCases), MemberType = typeof(ContractCases))]
    public async Task ShortestPaths_are_every_shortest_walk_in_node_id_order(ContractDataset dataset, string path)
    {
        var s = await ReadAsync(dataset);
        var query = (dataset == ContractDataset.Seed ? SeedPaths : GeneratedPaths)[path](s.Model) with { Order = PathOrder.Id };

        var paths = await s.Store.Queries().ShortestPathsAsync(query, Ct);

        Same(Show.Paths(await s.Reference.Queries().ShortestPathsAsync(query, Ct)), Show.Paths(paths), "paths");
        AssertShortestPaths(s.Model, query, paths);
    }

    [Theory]
    [MemberData(nameof(ContractCases.PathCases), MemberType = typeof(ContractCases))]
    public async Task ShortestPaths_in_relevance_order_are_the_same_walks_ranked_by_their_specificity_score(ContractDataset dataset, string path)
    {
        var s = await ReadAsync(dataset);
        var byId = (dataset == ContractDataset.Seed ? SeedPaths : GeneratedPaths)[path](s.Model) with { Order = PathOrder.Id, First = PathQuery.MaxFirst };
        var query = byId with { Order = PathOrder.Relevance };

        var paths = await s.Store.Queries().ShortestPathsAsync(query, Ct);

        Same(Show.Paths(await s.Reference.Queries().ShortestPathsAsync(query, Ct)), Show.Paths(paths), "paths by relevance");
        var all = await s.Reference.Queries().ShortestPathsAsync(byId, Ct);
        if (all.Count < PathQuery.MaxFirst)
        {
            // Every walk is there, each once, whatever the order.
            Assert.Equal(all.Select(Walk).Order(StringComparer.Ordinal), paths.Select(Walk).Order(StringComparer.Ordinal));
        }

        foreach (var p in paths)
        {
            Assert.Equal(s.Model.PathScore(p), p.Score, 9);
        }

        for (var i = 1; i < paths.Count; i++)
        {
            Assert.True(
                paths[i - 1].Score > paths[i].Score || (paths[i - 1].Score == paths[i].Score && ComparePaths(paths[i - 1], paths[i]) < 0),
                $"paths {i - 1} and {i} are not by score, then node ids");
        }

        static string Walk(GraphPath p) => string.Join(" ", p.Steps.Select(st => $"{st.FromId}-{st.Relation}-{st.ToId}"));
    }

    /// <summary>What any answer must be: valid walks over stored links, of the shortest length, as many as exist up to first, sorted.</summary>
    private static void AssertShortestPaths(DatasetModel model, PathQuery query, IReadOnlyList<GraphPath> paths)
    {
        var length = model.Distance(query.FromId, query.ToId, query.MaxHops, query.Via);
        if (length is null)
        {
            Assert.Empty(paths);
            return;
        }

        Assert.Equal(Math.Min(query.First, model.CountShortestPaths(query.FromId, query.ToId, query.MaxHops, query.Via)), paths.Count);
        foreach (var path in paths)
        {
            Assert.Equal(length, path.Length);
            Assert.Equal(path.Length + 1, path.Nodes.Count);
            Assert.Equal(query.FromId, path.Nodes[0].Id);
            Assert.Equal(query.ToId, path.Nodes[^1].Id);
            Assert.Equal(path.Nodes.Count, path.Nodes.Select(n => n.Id).Distinct().Count());
            Assert.All(path.Nodes, n => Assert.Equal(Show.Node(model[n.Id]), Show.Node(n)));
            for (var i = 0; i < path.Steps.Count; i++)
            {
                var step = path.Steps[i];
                Assert.Equal((path.Nodes[i].Id, path.Nodes[i + 1].Id), (step.FromId, step.ToId));
                Assert.True(
                    step.Forward ? model.HasLink(step.FromId, step.ToId, step.Relation) : model.HasLink(step.ToId, step.FromId, step.Relation),
                    $"step {i} of {string.Join(" ", path.Nodes.Select(n => n.Id))} crosses no stored link");
                Assert.True(query.Via is null || query.Via.Count == 0 || query.Via.Contains(step.Relation));
            }
        }

        for (var i = 1; i < paths.Count; i++)
        {
            Assert.True(ComparePaths(paths[i - 1], paths[i]) < 0, $"paths {i - 1} and {i} are not in order of their node ids");
        }
    }

    private static int ComparePaths(GraphPath a, GraphPath b)
    {
        for (var i = 0; i < a.Nodes.Count; i++)
        {
            var c = string.CompareOrdinal(a.Nodes[i].Id, b.Nodes[i].Id);
            if (c != 0)
            {
                return c;
            }
        }

        for (var i = 0; i < a.Steps.Count; i++)
        {
            var c = a.Steps[i].Relation.CompareTo(b.Steps[i].Relation);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    [Fact]
    public async Task ShortestPaths_join_the_seed_roles_through_their_three_shared_skills()
    {
        var s = await ReadAsync(ContractDataset.Seed);

        var paths = await s.Store.Queries().ShortestPathsAsync(new PathQuery(Mle, Ds, Order: PathOrder.Id), Ct);

        Assert.Equal(
            [[Mle, "data-and-algorithms", Ds], [Mle, "programming", Ds], [Mle, "python", Ds]],
            paths.Select(p => p.Nodes.Select(n => n.Id).ToArray()));
        Assert.All(paths, p => Assert.Equal(
            [(RelationKind.Requires, true), (RelationKind.Requires, false)],
            p.Steps.Select(step => (step.Relation, step.Forward))));
    }

    [Fact]
    public async Task ShortestPaths_from_a_node_to_itself_is_that_node_alone()
    {
        var s = await ReadAsync(ContractDataset.Seed);

        var path = Assert.Single(await s.Store.Queries().ShortestPathsAsync(new PathQuery("python", "python"), Ct));

        Assert.Equal(0, path.Length);
        Assert.Equal("python", Assert.Single(path.Nodes).Id);
        Assert.Empty(path.Steps);
    }

    [Fact]
    public async Task ShortestPaths_between_the_Generated_twins_go_through_each_item_they_share()
    {
        var s = await ReadAsync(ContractDataset.Generated);
        var items = s.Model.Document.Links.Where(l => l.FromId == GeneratedGraph.Original).Select(l => l.ToId).Order(StringComparer.Ordinal).ToArray();

        var paths = await s.Store.Queries().ShortestPathsAsync(new PathQuery(GeneratedGraph.TwinA, GeneratedGraph.TwinB, First: 100, Order: PathOrder.Id), Ct);

        Assert.Equal(items, paths.Select(p => p.Nodes[1].Id));
        Assert.All(paths, p => Assert.Equal([true, false], p.Steps.Select(step => step.Forward)));
        Assert.Empty(await s.Store.Queries().ShortestPathsAsync(new PathQuery(GeneratedGraph.TwinA, GeneratedGraph.IsolatedCategory, MaxHops: 8), Ct));
    }

    [Theory]
    [InlineData(ContractDataset.Seed, Mle, Ds)]
    [InlineData(ContractDataset.Seed, Ds, Mle)]
    [InlineData(ContractDataset.Seed, Mle, Mle)]
    [InlineData(ContractDataset.Generated, "role-0000", "role-0001")]
    [InlineData(ContractDataset.Generated, "role-0001", "role-0000")]
    [InlineData(ContractDataset.Generated, "role-0297", "role-0000")]
    [InlineData(ContractDataset.Generated, "role-0299", "role-0000")]
    [InlineData(ContractDataset.Generated, "role-0000", "role-0299")]
    [InlineData(ContractDataset.Generated, "role-0150", "role-0151")]
    [InlineData(ContractDataset.Generated, "role-0042", "role-0007")]
    [InlineData(ContractDataset.Generated, "role-0123", "role-0231")]
    public async Task SkillGap_lists_the_targets_skills_and_tools_missing_and_carried_over(ContractDataset dataset, string from, string to)
    {
        var s = await ReadAsync(dataset);

        var gap = await s.Store.Queries().SkillGapAsync(from, to, Ct);

        Same(Show.Gap(await s.Reference.Queries().SkillGapAsync(from, to, Ct)), Show.Gap(gap), "skill gap");
        Same(Show.Gap(s.Model.SkillGap(from, to)), Show.Gap(gap), "skill gap against the dataset");
    }

    [Fact]
    public async Task SkillGap_from_the_ml_engineer_to_the_data_scientist()
    {
        var s = await ReadAsync(ContractDataset.Seed);

        var gap = await s.Store.Queries().SkillGapAsync(Mle, Ds, Ct);

        Assert.Equal(
            ["data-visualization", "statistical-analysis", "ab-testing", "stakeholder-communication", "data-analysis", "data-mining", "matplotlib", "r", "tableau"],
            gap.Missing.Select(i => i.Node.Id));
        Assert.Equal([1.0, 1.0, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6], gap.Missing.Select(i => i.Importance));
        Assert.Equal(["programming", "data-and-algorithms", "python"], gap.CarriesOver.Select(i => i.Node.Id));
        Assert.Equal(2.6 / 8.8, gap.Coverage, 12);
        Assert.Equal((Mle, Ds), (gap.From.Id, gap.To.Id));
    }

    [Fact]
    public async Task SkillGap_of_the_Generated_roles_without_skills_covers_all_or_nothing()
    {
        var s = await ReadAsync(ContractDataset.Generated);

        var toNothing = await s.Store.Queries().SkillGapAsync(GeneratedGraph.Original, GeneratedGraph.RoleWithoutSkillsOrTools, Ct);
        var fromNothing = await s.Store.Queries().SkillGapAsync(GeneratedGraph.RoleWithoutSkillsOrTools, GeneratedGraph.Original, Ct);
        var twin = await s.Store.Queries().SkillGapAsync(GeneratedGraph.TwinA, GeneratedGraph.Original, Ct);

        Assert.Equal(1.0, toNothing.Coverage);
        Assert.Empty(toNothing.Missing.Concat(toNothing.CarriesOver));
        Assert.Equal(0.0, fromNothing.Coverage);
        Assert.Empty(fromNothing.CarriesOver);
        Assert.Equal(s.Model.Document.Links.Count(l => l.FromId == GeneratedGraph.Original && l.Relation is RelationKind.Requires or RelationKind.Uses), fromNothing.Missing.Count);
        Assert.Equal(1.0, twin.Coverage);
        Assert.Empty(twin.Missing);
    }

    [Theory]
    [InlineData(ContractDataset.Seed, Mle, 10)]
    [InlineData(ContractDataset.Seed, Ds, 1)]
    [InlineData(ContractDataset.Seed, Ds, 100)]
    [InlineData(ContractDataset.Generated, "role-0000", 100)]
    [InlineData(ContractDataset.Generated, "role-0000", 2)]
    [InlineData(ContractDataset.Generated, "role-0297", 5)]
    [InlineData(ContractDataset.Generated, "role-0299", 10)]
    [InlineData(ContractDataset.Generated, "role-0050", 100)]
    [InlineData(ContractDataset.Generated, "role-0100", 3)]
    [InlineData(ContractDataset.Generated, "role-0200", 1)]
    [InlineData(ContractDataset.Generated, "role-0271", 100)]
    public async Task SimilarRoles_rank_by_the_similarity_model_then_name_then_id(ContractDataset dataset, string role, int first)
    {
        var s = await ReadAsync(dataset);

        var similar = await s.Store.Queries().SimilarRolesAsync(role, first, Ct);

        Same(Show.Similar(await s.Reference.Queries().SimilarRolesAsync(role, first, Ct)), Show.Similar(similar), "similar roles");
        for (var i = 1; i < similar.Count; i++)
        {
            Assert.True(
                similar[i - 1].Score > similar[i].Score || (similar[i - 1].Score == similar[i].Score && DatasetModel.ByNameThenId(similar[i - 1].Role, similar[i].Role) < 0),
                $"similar roles {i - 1} and {i} are not by score descending, then name");
        }

        Assert.DoesNotContain(similar, r => r.Role.Id == role);
        Assert.All(similar, r =>
        {
            Assert.InRange(r.Score, double.Epsilon, 1.0);
            // The explanation adds up: the facets' contributions are the score, and shared items name only what both hold.
            Assert.Equal(r.Score, r.Facets.Sum(f => f.Contribution), 9);
            Assert.Equal(s.Model.SharedSkillsAndTools(role, r.Role.Id).Select(n => n.Id), r.Shared.Select(n => n.Id));
            Assert.All(r.SharedItems, item => Assert.Contains(item.Node.Id, r.Shared.Select(n => n.Id)));
        });
    }

    [Fact]
    public async Task SimilarRoles_of_the_ml_engineer_is_the_data_scientist_for_their_shared_skills()
    {
        var s = await ReadAsync(ContractDataset.Seed);

        var similar = Assert.Single(await s.Store.Queries().SimilarRolesAsync(Mle, 10, Ct));

        Assert.Equal(Ds, similar.Role.Id);
        Assert.Equal(["programming", "python", "data-and-algorithms"], similar.Shared.Select(n => n.Id));
        // With two roles, whatever both hold is held by every role and says nothing: shared tools and words count 0,
        // so the score is the skills facet alone, explained by the shared skills.
        Assert.Equal(similar.Score, similar.Facets.Single(f => f.Facet == "skills").Contribution, 12);
        Assert.Equal(["data-and-algorithms", "programming", "python"], similar.SharedItems.Select(i => i.Node.Id).Order(StringComparer.Ordinal));
        Assert.InRange(similar.Score, 0.05, 0.5);
    }

    [Fact]
    public async Task SimilarRoles_of_the_Generated_original_start_with_its_twins()
    {
        var s = await ReadAsync(ContractDataset.Generated);

        var similar = await s.Store.Queries().SimilarRolesAsync(GeneratedGraph.Original, 3, Ct);

        // The twins hold exactly the original's skills, tools and responsibilities; only their names and descriptions
        // differ from it (and from each other's), so they come first, ahead of every role that holds less of it.
        Assert.Equal([GeneratedGraph.TwinA, GeneratedGraph.TwinB], similar.Take(2).Select(r => r.Role.Id).Order(StringComparer.Ordinal));
        Assert.All(similar.Take(2), r => Assert.Equal(GeneratedGraph.TwinName, r.Role.Name));
        Assert.All(similar.Take(2), r => Assert.Equal(1.0, r.Facets.Single(f => f.Facet == "skills").Cosine, 12));
        Assert.True(similar[2].Score < similar[1].Score);
        Assert.Equal(
            s.Model.Document.Links.Count(l => l.FromId == GeneratedGraph.Original && l.Relation is RelationKind.Requires or RelationKind.Uses),
            similar[0].Shared.Count);
        // A role without skills or tools is still like others by what it is called and does: by text alone.
        var byText = await s.Store.Queries().SimilarRolesAsync(GeneratedGraph.RoleWithoutSkillsOrTools, 100, Ct);
        Assert.NotEmpty(byText);
        Assert.All(byText, r => Assert.Empty(r.Shared));
        Assert.All(byText, r => Assert.Equal(r.Score, r.Facets.Where(f => f.Facet == "text").Sum(f => f.Contribution), 12));
    }

    [Theory]
    [InlineData(ContractDataset.Seed, Mle, Ds, 3, 3)]
    [InlineData(ContractDataset.Generated, "role-0000", "role-0100", 3, 3)]
    [InlineData(ContractDataset.Generated, "role-0050", "role-0200", 5, 10)]
    [InlineData(ContractDataset.Generated, "role-0297", "role-0298", 2, 10)]
    [InlineData(ContractDataset.Generated, "role-0001", "role-0001", 3, 3)]
    public async Task CareerPaths_are_the_same_from_every_store_and_step_only_to_similar_roles(ContractDataset dataset, string from, string to, int maxSteps, int first)
    {
        var s = await ReadAsync(dataset);

        var paths = await s.Store.Queries().CareerPathsAsync(from, to, maxSteps, first, Ct);

        Same(Show.CareerPaths(await s.Reference.Queries().CareerPathsAsync(from, to, maxSteps, first, Ct)), Show.CareerPaths(paths), "career paths");
        Assert.InRange(paths.Count, 0, first);
        if (from == GeneratedGraph.TwinA || from == to)
        {
            // The twins hold the same items, so each is among the other's nearest; a role is where it is.
            Assert.NotEmpty(paths);
        }
        else if (dataset == ContractDataset.Seed)
        {
            // The seed's roles are 0.116 alike, below the least step score.
            Assert.Empty(paths);
        }

        foreach (var path in paths)
        {
            Assert.Equal(from, path.Roles[0].Id);
            Assert.Equal(to, path.Roles[^1].Id);
            Assert.InRange(path.Length, 0, maxSteps);
            Assert.Equal(path.Roles.Count, path.Roles.Select(r => r.Id).Distinct().Count());
            Assert.Equal(path.Steps.Aggregate(1.0, (product, step) => product * step.Score), path.Score, 9);
            Assert.All(path.Steps, step => Assert.InRange(step.Score, CareerPathOptions.DefaultMinStepScore, 1.0));
        }

        for (var i = 1; i < paths.Count; i++)
        {
            Assert.True(paths[i - 1].Score >= paths[i].Score, $"career paths {i - 1} and {i} are not by score");
        }
    }
}
