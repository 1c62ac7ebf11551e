using System.Text.Json;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Importing.Onet;
using static RoleGraph.Tests.Onet.OnetData;

namespace RoleGraph.Tests.Onet;

/// <summary>How O*NET nodes get their ids when slugs meet each other or nodes already in the store.</summary>
public sealed class OnetReaderIdPolicyTests
{
    private const string Cirs = "computer-and-information-research-scientists";
    private const string Ds = "data-scientists";

    private static TaxonomyDocument ReadExcerpt(Func<string, NodeKind?> existingKind) =>
        Validate(OnetReader.Read(ExcerptDirectory, new OnetImportOptions(), existingKind));

    [Fact]
    public void A_knowledge_area_named_like_a_skill_gets_the_knowledge_suffix()
    {
        var skill = ExcerptGraph.Node("mathematics");
        var knowledge = ExcerptGraph.Node("mathematics-knowledge");

        Assert.Equal((NodeKind.Skill, "Mathematics", "2.A.1.e"), (skill.Kind, skill.Name, skill.Property("onetElementId")));
        Assert.Equal((NodeKind.Skill, "Mathematics", "2.C.4.a"), (knowledge.Kind, knowledge.Name, knowledge.Property("onetElementId")));
    }

    [Fact]
    public void A_tool_named_like_its_commodity_leaves_the_category_a_qualified_id()
    {
        Assert.Equal(NodeKind.Tool, ExcerptGraph.Node("high-end-computer-servers").Kind);
        Assert.Equal(NodeKind.Category, ExcerptGraph.Node("high-end-computer-servers-category").Kind);
        Assert.Equal("High end computer servers", ExcerptGraph.Node("high-end-computer-servers-category").Name);
        Assert.Contains("high-end-computer-servers-category", ExcerptGraph.Targets("high-end-computer-servers", RelationKind.InCategory));
    }

    [Fact]
    public void A_knowledge_area_named_like_its_group_keeps_the_plain_slug_and_the_group_is_qualified()
    {
        // 2.C.3.b Engineering and Technology (knowledge) under 2.C.3 Engineering and Technology (group).
        Assert.Equal(NodeKind.Skill, ExcerptGraph.Node("engineering-and-technology").Kind);
        Assert.Equal(["engineering-and-technology-category", "knowledge", "worker-requirements"], ExcerptGraph.CategoryChain("engineering-and-technology"));
    }

    [Fact]
    public void A_store_node_of_another_kind_makes_the_O_NET_node_take_a_kind_suffix()
    {
        // The seed has a Python skill; O*NET's Python is a tool.
        var graph = ReadExcerpt(Existing(("python", NodeKind.Skill)));

        Assert.False(graph.Has("python"));
        var tool = graph.Node("python-tool");
        Assert.Equal((NodeKind.Tool, "Python"), (tool.Kind, tool.Name));
        Assert.Equal([Cirs, Ds], graph.Sources(RelationKind.Uses, "python-tool"));
    }

    [Fact]
    public void When_the_suffixed_id_is_taken_too_a_number_follows()
    {
        var graph = ReadExcerpt(Existing(("python", NodeKind.Skill), ("python-tool", NodeKind.Role)));

        Assert.False(graph.Has("python-tool"));
        Assert.Equal("Python", graph.Node("python-tool-2").Name);
    }

    [Fact]
    public void A_store_node_of_the_same_kind_is_the_same_concept_and_keeps_its_id()
    {
        // The seed's programming skill and O*NET's Programming skill merge: the file links to the existing id.
        var graph = ReadExcerpt(Existing(("programming", NodeKind.Skill), ("c", NodeKind.Tool)));

        Assert.Equal("2.B.3.e", graph.Node("programming").Property("onetElementId"));
        Assert.False(graph.Has("programming-skill"));
        Assert.Equal(0.655, graph.Link(Cirs, RelationKind.Requires, "programming").Importance!.Value, 9);
        Assert.Equal(NodeKind.Tool, graph.Node("c").Kind);
        Assert.Equal(ExcerptGraph.Nodes.Select(n => n.Id), graph.Nodes.Select(n => n.Id));
    }

    [Fact]
    public void A_store_role_with_an_O_NET_skill_slug_pushes_the_skill_aside_and_the_role_stays()
    {
        var graph = ReadExcerpt(Existing(("programming", NodeKind.Role), ("data-scientists", NodeKind.Role)));

        Assert.Equal("Programming", graph.Node("programming-skill").Name);
        Assert.False(graph.Has("programming"));
        Assert.Equal("Data Scientists", graph.Node(Ds).Name); // a role of the same kind: merged
    }

    [Fact]
    public void Importing_again_onto_an_earlier_import_maps_every_node_onto_itself()
    {
        var store = Existing([("python", NodeKind.Skill), ("programming", NodeKind.Skill)]);
        var first = ReadExcerpt(store);
        var kinds = first.Nodes.ToDictionary(n => n.Id, n => n.Kind);
        kinds.TryAdd("python", NodeKind.Skill);

        var second = ReadExcerpt(id => kinds.TryGetValue(id, out var kind) ? kind : null);

        Assert.Equal(first.Nodes.Select(n => (n.Id, n.Kind)), second.Nodes.Select(n => (n.Id, n.Kind)));
        Assert.Equal(first.Links, second.Links);
    }

    [Fact]
    public void Reading_twice_gives_the_same_file()
    {
        var again = OnetReader.Read(ExcerptDirectory, new OnetImportOptions(), NoneExisting);

        Assert.Equal(JsonSerializer.Serialize(Excerpt), JsonSerializer.Serialize(again));
    }

    [Fact]
    public void Ids_and_links_do_not_depend_on_the_order_of_the_rows()
    {
        using var copy = new OnetExcerptCopy();
        foreach (var file in OnetReader.RequiredFiles)
        {
            var lines = copy.Lines(file).Where(l => l.Length > 0).ToArray();
            File.WriteAllText(copy.Combine(file), string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Reverse())) + "\n");
        }

        var reversed = Validate(OnetReader.Read(copy.Directory, new OnetImportOptions(), NoneExisting));

        Assert.Equal(ExcerptGraph.Nodes.Select(n => (n.Id, n.Kind, n.Name)), reversed.Nodes.Select(n => (n.Id, n.Kind, n.Name)));
        Assert.Equal(ExcerptGraph.Links, reversed.Links);
    }

    [Fact]
    public void Spelling_variants_of_a_tool_are_one_tool_named_by_its_most_frequent_spelling()
    {
        using var copy = new OnetExcerptCopy();
        var extra = string.Join('\n',
            "15-2051.00\tData Scientists\tWeb-Servers\t43211501\tComputer servers",
            "19-2099.00\tPhysical Scientists, All Other\tWeb-Servers\t43211501\tComputer servers",
            "19-2099.00\tPhysical Scientists, All Other\tC#\t43232405\tObject or component oriented development software",
            "19-2099.00\tPhysical Scientists, All Other\tC++\t43232405\tObject or component oriented development software",
            "");
        File.AppendAllText(copy.Combine("Tools Used.txt"), extra);

        var graph = Validate(OnetReader.Read(copy.Directory, new OnetImportOptions(), NoneExisting));

        var servers = graph.Node("web-servers");
        Assert.Equal("Web-Servers", servers.Name); // two rows against one
        Assert.Equal(["Web servers"], servers.Aliases);
        Assert.Equal([Cirs, Ds, "physical-scientists-all-other"], graph.Sources(RelationKind.Uses, "web-servers"));

        // C, C++ and C# stay three tools.
        Assert.Equal(["c-plus-plus", "c-sharp"], graph.Targets("physical-scientists-all-other", RelationKind.Uses).Where(t => t.StartsWith("c-", StringComparison.Ordinal)));
        Assert.Equal("C", graph.Node("c").Name);
    }

    [Fact]
    public void Every_id_is_unique_across_kinds()
    {
        Assert.Equal(Excerpt.Nodes!.Count, Excerpt.Nodes.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
