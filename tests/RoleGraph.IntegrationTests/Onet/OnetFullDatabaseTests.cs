using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Importing.Onet;
using RoleGraph.Tests.Infrastructure;
using static RoleGraph.Tests.Onet.OnetData;

namespace RoleGraph.Tests.Onet;

/// <summary>
/// The whole O*NET 29.3 database from <c>shared/datasets/onet-29.3</c> beside the repository. Skipped, with the
/// reason, where that directory is absent.
/// </summary>
public sealed class OnetFullDatabaseTests
{
    private static readonly Lazy<TaxonomyDocument> Full = new(() =>
        Validate(OnetReader.Read(Database(), new OnetImportOptions(), NoneExisting)));

    private static string Database()
    {
        if (FullDatabaseDirectory is null)
        {
            Assert.Skip($"The O*NET 29.3 database is not at shared/datasets/onet-29.3 in {Directory.GetParent(RepositoryFiles.Root)} or a directory above it.");
        }

        return FullDatabaseDirectory;
    }

    [Fact]
    public void The_whole_database_reads_and_validates_with_1016_roles()
    {
        var graph = Full.Value;

        Assert.Equal(1016, graph.Count(NodeKind.Role));
        Assert.Equal(68, graph.Count(NodeKind.Skill)); // 35 skills and 33 knowledge areas
        Assert.Equal(18_796, graph.Count(NodeKind.Responsibility));
        Assert.Equal(18_796, graph.Count(RelationKind.ResponsibleFor));
        Assert.All(graph.Links.Where(l => l.Relation == RelationKind.Requires), l => Assert.NotNull(l.Importance));
    }

    [Fact]
    public void Python_is_a_tool_used_by_data_scientists_and_research_scientists()
    {
        var graph = Full.Value;

        var python = graph.Node("python");
        Assert.Equal(NodeKind.Tool, python.Kind);
        Assert.Equal("true", python.Property("hotTechnology"));
        var users = graph.Sources(RelationKind.Uses, "python");
        Assert.Contains("data-scientists", users);
        Assert.Contains("computer-and-information-research-scientists", users);
        Assert.Equal("15-2051.00", graph.Node("data-scientists").Property("onetSocCode"));
        Assert.Equal("15-1221.00", graph.Node("computer-and-information-research-scientists").Property("onetSocCode"));
    }

    [Fact]
    public void Beside_the_seed_O_NET_merges_same_kind_nodes_and_sidesteps_the_others()
    {
        var seed = TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed"));
        var seedKinds = seed.Nodes.ToDictionary(n => n.Id, n => n.Kind);

        var file = OnetReader.Read(Database(), new OnetImportOptions(), id => seedKinds.TryGetValue(id, out var kind) ? kind : null);
        var graph = Validate(file);

        Assert.All(graph.Nodes.Where(n => seedKinds.ContainsKey(n.Id)), n => Assert.Equal(seedKinds[n.Id], n.Kind));
        Assert.Equal("Python", graph.Node("python-tool").Name);
        Assert.False(graph.Has("python"));
        Assert.Equal("2.B.3.e", graph.Node("programming").Property("onetElementId"));
    }

    [Fact]
    public void A_filtered_import_gets_the_ids_of_the_full_one()
    {
        var filtered = Validate(OnetReader.Read(Database(), new OnetImportOptions(new HashSet<string> { DataScientists, ResearchScientists }), NoneExisting));
        var full = Full.Value.Nodes.ToDictionary(n => n.Id, n => n.Kind);

        Assert.Equal(2, filtered.Count(NodeKind.Role));
        Assert.All(filtered.Nodes, n => Assert.Equal(full[n.Id], n.Kind));
    }
}
