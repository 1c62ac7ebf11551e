using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Contract;

/// <summary>Statistics, node lookups, linked nodes and the export.</summary>
public abstract partial class GraphStoreContract<TFixture>
{
    [Theory]
    [InlineData(ContractDataset.Seed)]
    [InlineData(ContractDataset.Generated)]
    public async Task Statistics_count_the_nodes_of_each_kind_and_the_links(ContractDataset dataset)
    {
        var s = await ReadAsync(dataset);

        var actual = await s.Store.GetStatisticsAsync(Ct);

        Same(Show.Statistics(await s.Reference.GetStatisticsAsync(Ct)), Show.Statistics(actual), "statistics");
        var expected = dataset == ContractDataset.Seed
            ? new Dictionary<NodeKind, int> { [NodeKind.Role] = 2, [NodeKind.Skill] = 14, [NodeKind.Tool] = 7, [NodeKind.Responsibility] = 15, [NodeKind.Category] = 8 }
            : new Dictionary<NodeKind, int>
            {
                [NodeKind.Role] = GeneratedGraph.RoleCount,
                [NodeKind.Skill] = GeneratedGraph.SkillCount,
                [NodeKind.Tool] = GeneratedGraph.ToolCount,
                [NodeKind.Responsibility] = GeneratedGraph.ResponsibilityCount,
                [NodeKind.Category] = GeneratedGraph.CategoryCount,
            };
        Assert.All(Enum.GetValues<NodeKind>(), kind => Assert.Equal(expected[kind], actual.NodesByKind.GetValueOrDefault(kind)));
        Assert.Equal(s.Model.Document.Nodes.Count, actual.Nodes);
        Assert.Equal(dataset == ContractDataset.Seed ? 79 : s.Model.Document.Links.Count, actual.Links);
    }

    [Theory]
    [InlineData(ContractDataset.Seed)]
    [InlineData(ContractDataset.Generated)]
    public async Task GetNodes_returns_every_known_node_whole_and_leaves_unknown_ids_out(ContractDataset dataset)
    {
        var s = await ReadAsync(dataset);
        string[] unknown = ["no-such-node", "PYTHON", "Python", "python ", "skill-9999", "Role-0001", ""];
        var ids = s.Model.Document.Nodes.Select(n => n.Id).Concat(unknown).Append(s.Model.Document.Nodes[0].Id).ToArray();

        var actual = await s.Store.GetNodesAsync(ids, Ct);

        Same(Show.NodeMap(await s.Reference.GetNodesAsync(ids, Ct)), Show.NodeMap(actual), "nodes");
        Same(Show.NodeMap(s.Model.Nodes), Show.NodeMap(actual), "nodes against the dataset");
        Assert.All(unknown, id => Assert.False(actual.ContainsKey(id), $"'{id}' is no node's id"));
    }

    [Theory]
    [InlineData(ContractDataset.Seed)]
    [InlineData(ContractDataset.Generated)]
    public async Task GetKinds_gives_the_kind_of_every_node_asked_or_of_all_and_leaves_unknown_ids_out(ContractDataset dataset)
    {
        var s = await ReadAsync(dataset);
        var expected = s.Model.Document.Nodes.ToDictionary(n => n.Id, n => n.Kind, StringComparer.Ordinal);
        string[] unknown = ["no-such-node", "PYTHON", ""];
        var some = s.Model.Document.Nodes.Where((_, i) => i % 3 == 0).Select(n => n.Id).ToArray();

        var all = await s.Store.GetKindsAsync(null, Ct);
        var asked = await s.Store.GetKindsAsync([.. some, .. unknown], Ct);
        var none = await s.Store.GetKindsAsync(unknown, Ct);

        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), all.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(some.Order(StringComparer.Ordinal).Select(id => (id, expected[id])), asked.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData(ContractDataset.Seed)]
    [InlineData(ContractDataset.Generated)]
    public async Task GetNodes_of_no_ids_or_only_unknown_ones_is_empty(ContractDataset dataset)
    {
        var s = await ReadAsync(dataset);

        Assert.Empty(await s.Store.GetNodesAsync([], Ct));
        Assert.Empty(await s.Store.GetNodesAsync(["no-such-node", "another-missing-one"], Ct));
    }

    [Theory]
    [MemberData(nameof(ContractCases.EveryRelationBothWays), MemberType = typeof(ContractCases))]
    public async Task GetLinked_answers_for_every_node_by_weight_then_name_then_id(ContractDataset dataset, RelationKind relation, LinkDirection direction)
    {
        var s = await ReadAsync(dataset);
        var ids = s.Model.Document.Nodes.Select(n => n.Id).Append("no-such-node").Append(s.Model.Document.Nodes[^1].Id).ToArray();

        var actual = await s.Store.Queries().GetLinkedAsync(ids, relation, direction, Ct);

        Same(Show.Linked(await s.Reference.Queries().GetLinkedAsync(ids, relation, direction, Ct)), Show.Linked(actual), "linked nodes");
        var expected = ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => s.Model.Linked(id, relation, direction), StringComparer.Ordinal);
        Same(Show.Linked(expected), Show.Linked(actual), "linked nodes against the dataset");
        Assert.Equal(s.Model.Document.Links.Count(l => l.Relation == relation), actual.Values.Sum(l => l.Count));
        Assert.All(actual, entry => Assert.All(entry.Value, linked =>
        {
            Assert.Equal(relation, linked.Link.Relation);
            Assert.Equal(entry.Key, direction == LinkDirection.Outgoing ? linked.Link.FromId : linked.Link.ToId);
            Assert.Equal(linked.Node.Id, direction == LinkDirection.Outgoing ? linked.Link.ToId : linked.Link.FromId);
        }));
    }

    [Fact]
    public async Task GetLinked_lists_the_ml_engineers_skills_by_importance_then_name()
    {
        var s = await ReadAsync(ContractDataset.Seed);

        var linked = (await s.Store.Queries().GetLinkedAsync(["machine-learning-engineer"], RelationKind.Requires, LinkDirection.Outgoing, Ct))["machine-learning-engineer"];

        // 1.0: Programming, Understanding of data and algorithms; .8 ML frameworks; .7 cloud; .6: C, Java, Python.
        Assert.Equal(
            ["programming", "data-and-algorithms", "machine-learning-frameworks", "cloud-services", "c", "java", "python"],
            linked.Select(l => l.Node.Id));
        Assert.Equal([1.0, 1.0, 0.8, 0.7, 0.6, 0.6, 0.6], linked.Select(l => l.Link.Importance));
        Assert.All(linked, l => Assert.Null(l.Link.Level));
    }

    [Fact]
    public async Task GetLinked_sees_python_from_both_roles_and_its_related_skill_from_the_other_end()
    {
        var s = await ReadAsync(ContractDataset.Seed);

        var requiredBy = (await s.Store.Queries().GetLinkedAsync(["python"], RelationKind.Requires, LinkDirection.Incoming, Ct))["python"];
        var related = await s.Store.Queries().GetLinkedAsync(["python", "programming"], RelationKind.RelatedTo, LinkDirection.Incoming, Ct);

        Assert.Equal(["data-scientist", "machine-learning-engineer"], requiredBy.Select(l => l.Node.Id));
        Assert.Empty(related["python"]);
        Assert.Equal(["c", "java", "python", "r"], related["programming"].Select(l => l.Node.Id));
    }

    [Theory]
    [InlineData(ContractDataset.Seed)]
    [InlineData(ContractDataset.Generated)]
    public async Task Export_holds_exactly_the_loaded_graph_and_its_source(ContractDataset dataset)
    {
        var s = await ReadAsync(dataset);

        var actual = await s.Store.ExportAsync(Ct);

        Same(Show.Document(await s.Reference.ExportAsync(Ct)), Show.Document(actual), "export");
        Same(Show.Document(s.Model.Document), Show.Document(actual), "export against the dataset");
        Assert.Equal(
            dataset == ContractDataset.Seed ? "Machine Learning Engineer vs Data Scientist" : GeneratedGraph.SourceName,
            Assert.Single(actual.Sources).Name);
    }

    [Theory]
    [InlineData(TaxonomyFormat.Yaml)]
    [InlineData(TaxonomyFormat.Json)]
    public async Task Export_of_the_seed_round_trips_through_the_taxonomy_format(TaxonomyFormat format)
    {
        var s = await ReadAsync(ContractDataset.Seed);
        var export = await s.Store.ExportAsync(Ct);

        var text = await TaxonomyWriter.WriteToStringAsync(export, format, Ct);
        var reread = TaxonomyReader.ReadText($"export.{format}".ToLowerInvariant(), text, format);

        Same(Show.Document(export), Show.Document(reread), "export written and read back");
        Assert.Equal(await TaxonomyWriter.WriteToStringAsync(await s.Reference.ExportAsync(Ct), format, Ct), text);
    }

    [Theory]
    [InlineData(ContractDataset.Seed)]
    [InlineData(ContractDataset.Generated)]
    public async Task Export_imported_into_an_empty_store_gives_the_same_graph(ContractDataset dataset)
    {
        var s = await ReadAsync(dataset);
        var export = await s.Store.ExportAsync(Ct);

        using var copy = await ReferenceStores.CreateAsync(null, Ct);
        var report = await copy.ApplyAsync(GraphEdit.Import(export, ImportMode.Replace), dryRun: false, Ct);

        Assert.Equal((s.Model.Document.Nodes.Count, s.Model.Document.Links.Count), (report.Nodes.Created, report.Links.Created));
        Same(Show.Document(s.Model.Document), Show.Document(await copy.ExportAsync(Ct)), "export imported into an empty store");
    }
}
