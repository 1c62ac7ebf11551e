using RoleGraph.Importing.Taxonomy;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// Writes: every test has a store of its own and a fresh reference that receives the same edits; after each edit
/// both must hold the same graph, seen through every read.
/// </summary>
public abstract partial class GraphStoreContract<TFixture>
{
    private static GraphNode NewNode(string id, NodeKind kind, string name, string? description = null, string[]? aliases = null, Dictionary<string, string>? properties = null) =>
        new(id, kind, name, description, aliases ?? [], properties ?? GraphNode.NoProperties);

    private static GraphNode Rust => NewNode("rust", NodeKind.Skill, "Rust", "Systems programming in Rust.", ["Rust lang", "rustlang"], new() { ["paradigm"] = "systems", ["since"] = "2015" });

    /// <summary>Three nodes and seven links, one of each relation but RESPONSIBLE_FOR, onto the seed.</summary>
    private static GraphEdit CreateEdit => new()
    {
        UpsertNodes = [Rust, NewNode("cargo", NodeKind.Tool, "Cargo"), NewNode("systems-programming", NodeKind.Category, "Systems programming")],
        UpsertLinks =
        [
            new(Mle, "rust", RelationKind.Requires, 0.9, 0.5),
            new(Mle, "cargo", RelationKind.Uses),
            new("cargo", "rust", RelationKind.Supports),
            new("rust", "programming", RelationKind.RelatedTo),
            new("rust", "systems-programming", RelationKind.InCategory),
            new("cargo", "systems-programming", RelationKind.InCategory),
            new("systems-programming", "technology", RelationKind.SubcategoryOf),
        ],
    };

    /// <summary>Python renamed, its alias dropped, a description and a property added; weights changed and kept.</summary>
    private static GraphEdit UpdateEdit(DatasetModel seed) => new()
    {
        UpsertNodes = [NewNode("python", NodeKind.Skill, "Python 3", "The Python language, version 3.", [], new() { ["paradigm"] = "multi" }), seed[Ds]],
        UpsertLinks =
        [
            new(Mle, "python", RelationKind.Requires, 0.9, 0.3),
            new(Ds, "python", RelationKind.Requires, 0.6),
            new(Mle, "java", RelationKind.Requires),
            new("tensorflow", "machine-learning-frameworks", RelationKind.Supports),
        ],
    };

    private static TaxonomyDocument ReplacementDocument(DatasetModel seed) => new(
        [new TaxonomyHeader("Replacement", "2", "contract test", "CC0-1.0")],
        [
            seed[Mle],
            seed[Ds] with { Name = "Data Scientist (replaced)" },
            NewNode("python", NodeKind.Tool, "Python", aliases: ["CPython"]),
            NewNode("sql", NodeKind.Skill, "SQL"),
        ],
        [
            new(Mle, "python", RelationKind.Uses, 0.5),
            new(Ds, "python", RelationKind.Uses),
            new(Ds, "sql", RelationKind.Requires, 0.7, 0.4),
        ]);

    /// <summary>Every 40th node of a large graph, for the checks that read node by node.</summary>
    private static IEnumerable<string> Sample(TaxonomyDocument document) => document.Nodes.Where((_, i) => i % 40 == 0).Select(n => n.Id);

    [Theory]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    [InlineData(ContractDataset.Seed)]
    [InlineData(ContractDataset.Generated)]
    public async Task Loading_a_dataset_creates_every_node_and_link_and_loading_it_again_changes_nothing(ContractDataset dataset)
    {
        var s = await WriteAsync(null);
        var document = ContractDatasets.Document(dataset);
        var (nodes, links) = (document.Nodes.Count, document.Links.Count);

        Assert.Equal(0, (await s.Store.GetStatisticsAsync(Ct)).Nodes);
        var load = await ApplyBothAsync(s, GraphEdit.Import(document, ImportMode.Replace));
        var merge = await ApplyBothAsync(s, GraphEdit.Import(document, ImportMode.Merge));
        var replace = await ApplyBothAsync(s, GraphEdit.Import(document, ImportMode.Replace));

        Assert.Equal($"nodes created={nodes} updated=0 unchanged=0 deleted=0; links created={links} updated=0 unchanged=0 deleted=0; dryRun=False; changed=True", Show.Report(load));
        var unchanged = $"nodes created=0 updated=0 unchanged={nodes} deleted=0; links created=0 updated=0 unchanged={links} deleted=0; dryRun=False; changed=False";
        Assert.Equal(unchanged, Show.Report(merge));
        Assert.Equal(unchanged, Show.Report(replace));
        Same(Show.Document(document), Show.Document(await s.Store.ExportAsync(Ct)), "export against the dataset");
        await AssertSameGraphAsync(s, "after loading", dataset == ContractDataset.Seed ? null : Sample(document));
    }

    [Theory]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    [InlineData(ContractDataset.Seed)]
    [InlineData(ContractDataset.Generated)]
    public async Task An_export_imported_again_changes_nothing(ContractDataset dataset)
    {
        var s = await WriteAsync(dataset);
        var export = await s.Store.ExportAsync(Ct);

        var merge = await ApplyBothAsync(s, GraphEdit.Import(export, ImportMode.Merge));
        var replace = await ApplyBothAsync(s, GraphEdit.Import(export, ImportMode.Replace));

        Assert.False(merge.Changed, Show.Report(merge));
        Assert.False(replace.Changed, Show.Report(replace));
        Assert.Equal(ContractDatasets.Document(dataset).Nodes.Count, merge.Nodes.Unchanged);
        Assert.Equal(ContractDatasets.Document(dataset).Links.Count, replace.Links.Unchanged);
    }

    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task Created_nodes_and_links_show_in_every_read()
    {
        var s = await WriteAsync(ContractDataset.Seed);

        var report = await ApplyBothAsync(s, CreateEdit);

        Assert.Equal("nodes created=3 updated=0 unchanged=0 deleted=0; links created=7 updated=0 unchanged=0 deleted=0; dryRun=False; changed=True", Show.Report(report));
        await AssertSameGraphAsync(s, "after creating");
        var statistics = await s.Store.GetStatisticsAsync(Ct);
        Assert.Equal((15, 8, 9, 46 + 3, 79 + 7), (statistics.NodesByKind[NodeKind.Skill], statistics.NodesByKind[NodeKind.Tool], statistics.NodesByKind[NodeKind.Category], statistics.Nodes, statistics.Links));
        Assert.Equal(Show.Node(Rust), Show.Node((await s.Store.GetNodesAsync(["rust"], Ct))["rust"]));
        var requires = (await s.Store.Queries().GetLinkedAsync([Mle], RelationKind.Requires, LinkDirection.Outgoing, Ct))[Mle];
        Assert.Equal(["programming", "data-and-algorithms", "rust", "machine-learning-frameworks"], requires.Take(4).Select(l => l.Node.Id));
        Assert.Equal(((double?)0.9, (double?)0.5), (requires[2].Link.Importance, requires[2].Link.Level));
        var hit = Assert.Single(await s.Store.Queries().SearchAsync(new SearchQuery("rustlang"), Ct));
        Assert.Equal(("rust", SearchMatch.Exact, "rustlang"), (hit.Node.Id, hit.Match, hit.MatchedText));
        Assert.Contains("rust", (await s.Store.Queries().SkillGapAsync(Ds, Mle, Ct)).Missing.Select(i => i.Node.Id));
        // Cargo reaches programming through the role that uses it and through the skill it supports.
        Assert.Equal(
            [Mle, "rust"],
            (await s.Store.Queries().ShortestPathsAsync(new PathQuery("cargo", "programming", Order: PathOrder.Id), Ct)).Select(p => p.Nodes[1].Id));

        foreach (var (name, query) in new[] { ("similar", (Func<IGraphStore, Task<string[]>>)(async st => Show.Similar(await st.Queries().SimilarRolesAsync(Ds, 10, Ct)))), ("overlap", async st => Show.Overlap(await st.Queries().OverlapAsync(new OverlapQuery([Mle, Ds]), Ct))) })
        {
            Same(await query(s.Reference), await query(s.Store), name);
        }
    }

    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task An_update_replaces_the_whole_node_and_the_links_weights()
    {
        var s = await WriteAsync(ContractDataset.Seed);
        var edit = UpdateEdit(s.Model);

        var report = await ApplyBothAsync(s, edit);
        await AssertSameGraphAsync(s, "after updating");
        var python = (await s.Store.GetNodesAsync(["python"], Ct))["python"];
        var requires = (await s.Store.Queries().GetLinkedAsync([Mle], RelationKind.Requires, LinkDirection.Outgoing, Ct))[Mle];
        var oldAlias = await s.Store.Queries().SearchAsync(new SearchQuery("python programming"), Ct);

        var stripped = await ApplyBothAsync(s, new GraphEdit { UpsertNodes = [NewNode("python", NodeKind.Skill, "Python 3")] });
        await AssertSameGraphAsync(s, "after stripping the node");
        var bare = (await s.Store.GetNodesAsync(["python"], Ct))["python"];

        Assert.Equal("nodes created=0 updated=1 unchanged=1 deleted=0; links created=0 updated=2 unchanged=2 deleted=0; dryRun=False; changed=True", Show.Report(report));
        Assert.Equal(Show.Node(edit.UpsertNodes[0]), Show.Node(python));
        // Java lost its importance, so it weighs 1 and sorts by name among the 1.0 skills; Python moved up to .9.
        Assert.Equal(["java", "programming", "data-and-algorithms", "python", "machine-learning-frameworks", "cloud-services", "c"], requires.Select(l => l.Node.Id));
        Assert.Equal([null, 1.0, 1.0, 0.9, 0.8, 0.7, 0.6], requires.Select(l => l.Link.Importance));
        Assert.Equal(0.3, requires[3].Link.Level);
        Assert.Empty(oldAlias);
        Assert.Equal("nodes created=0 updated=1 unchanged=0 deleted=0; links created=0 updated=0 unchanged=0 deleted=0; dryRun=False; changed=True", Show.Report(stripped));
        Assert.Null(bare.Description);
        Assert.Empty(bare.Aliases);
        Assert.Empty(bare.Properties);
    }

    [Theory]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    [InlineData(ContractDataset.Seed, "python")]
    [InlineData(ContractDataset.Seed, "technology")]
    [InlineData(ContractDataset.Seed, Mle)]
    [InlineData(ContractDataset.Seed, "tableau")]
    [InlineData(ContractDataset.Generated, "skill-0000")]
    [InlineData(ContractDataset.Generated, "category-00")]
    public async Task Deleting_with_cascade_removes_the_node_and_every_link_it_had(ContractDataset dataset, string id)
    {
        var s = await WriteAsync(dataset);
        var links = s.Model.LinksOf(id).ToList();
        var neighbours = links.Select(l => l.FromId == id ? l.ToId : l.FromId).Distinct().ToArray();

        var report = await ApplyBothAsync(s, new GraphEdit { DeleteNodes = [id], Cascade = true });

        Assert.Equal($"nodes created=0 updated=0 unchanged=0 deleted=1; links created=0 updated=0 unchanged=0 deleted={links.Count}; dryRun=False; changed=True", Show.Report(report));
        Assert.NotEmpty(links);
        Assert.Empty(await s.Store.GetNodesAsync([id], Ct));
        var statistics = await s.Store.GetStatisticsAsync(Ct);
        Assert.Equal((s.Model.Document.Nodes.Count - 1, s.Model.Document.Links.Count - links.Count), (statistics.Nodes, statistics.Links));
        foreach (var relation in links.Select(l => l.Relation).Distinct())
        {
            foreach (var direction in Enum.GetValues<LinkDirection>())
            {
                var linked = await s.Store.Queries().GetLinkedAsync(neighbours, relation, direction, Ct);
                Assert.DoesNotContain(linked.Values.SelectMany(l => l), l => l.Node.Id == id);
            }
        }

        await AssertSameGraphAsync(s, "after deleting", dataset == ContractDataset.Seed ? null : neighbours.Append(id));
    }

    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task The_seed_without_python_shares_two_skills_and_a_deleted_node_can_come_back()
    {
        var s = await WriteAsync(ContractDataset.Seed);

        await ApplyBothAsync(s, new GraphEdit { DeleteNodes = ["python"], Cascade = true });
        var overlap = await s.Store.Queries().OverlapAsync(new OverlapQuery([Mle, Ds], [NodeKind.Skill]), Ct);
        var paths = await s.Store.Queries().ShortestPathsAsync(new PathQuery(Mle, Ds), Ct);
        var search = await s.Store.Queries().SearchAsync(new SearchQuery("python"), Ct);
        var back = await ApplyBothAsync(s, new GraphEdit
        {
            UpsertNodes = [s.Model["python"]],
            UpsertLinks = s.Model.LinksOf("python").ToArray(),
        });

        Assert.Equal(["programming", "data-and-algorithms"], overlap.Skills.Select(n => n.Id));
        Assert.Equal(["data-and-algorithms", "programming"], paths.Select(p => p.Nodes[1].Id));
        Assert.Empty(search);
        Assert.Equal("nodes created=1 updated=0 unchanged=0 deleted=0; links created=4 updated=0 unchanged=0 deleted=0; dryRun=False; changed=True", Show.Report(back));
        Same(Show.Document(s.Model.Document), Show.Document(await s.Store.ExportAsync(Ct)), "the seed again");
        await AssertSameGraphAsync(s, "after re-creating python");
    }

    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task Deleting_an_unlinked_node_needs_no_cascade()
    {
        var s = await WriteAsync(ContractDataset.Seed);
        await ApplyBothAsync(s, new GraphEdit { UpsertNodes = [Rust] });

        var report = await ApplyBothAsync(s, new GraphEdit { DeleteNodes = ["rust"] });

        Assert.Equal("nodes created=0 updated=0 unchanged=0 deleted=1; links created=0 updated=0 unchanged=0 deleted=0; dryRun=False; changed=True", Show.Report(report));
        Same(Show.Document(s.Model.Document), Show.Document(await s.Store.ExportAsync(Ct)), "the seed again");
    }

    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task Deleting_links_removes_those_links_only_a_symmetric_one_named_either_way()
    {
        var s = await WriteAsync(ContractDataset.Seed);

        var report = await ApplyBothAsync(s, new GraphEdit
        {
            DeleteLinks = [new LinkKey(Mle, "python", RelationKind.Requires), new LinkKey("programming", "python", RelationKind.RelatedTo)],
        });

        Assert.Equal("nodes created=0 updated=0 unchanged=0 deleted=0; links created=0 updated=0 unchanged=0 deleted=2; dryRun=False; changed=True", Show.Report(report));
        Assert.Empty((await s.Store.Queries().GetLinkedAsync(["python"], RelationKind.RelatedTo, LinkDirection.Outgoing, Ct))["python"]);
        Assert.Equal([Ds], (await s.Store.Queries().GetLinkedAsync(["python"], RelationKind.Requires, LinkDirection.Incoming, Ct))["python"].Select(l => l.Node.Id));
        Assert.Equal(46, (await s.Store.GetStatisticsAsync(Ct)).Nodes);
        await AssertSameGraphAsync(s, "after deleting links");
    }

    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task Replace_mode_leaves_exactly_the_imported_document_even_re_kinding_a_node()
    {
        var s = await WriteAsync(ContractDataset.Seed);
        var document = ReplacementDocument(s.Model);

        var report = await ApplyBothAsync(s, GraphEdit.Import(document, ImportMode.Replace));

        Assert.Equal($"nodes created=1 updated=2 unchanged=1 deleted={46 - 3}; links created=3 updated=0 unchanged=0 deleted=79; dryRun=False; changed=True", Show.Report(report));
        Same(Show.Document(document), Show.Document(await s.Store.ExportAsync(Ct)), "export against the document");
        var statistics = await s.Store.GetStatisticsAsync(Ct);
        Assert.Equal((2, 1, 1, 0, 0), (statistics.NodesByKind[NodeKind.Role], statistics.NodesByKind[NodeKind.Skill], statistics.NodesByKind[NodeKind.Tool],
            statistics.NodesByKind.GetValueOrDefault(NodeKind.Responsibility), statistics.NodesByKind.GetValueOrDefault(NodeKind.Category)));
        Assert.Empty((await s.Store.Queries().GetLinkedAsync(["python"], RelationKind.Requires, LinkDirection.Incoming, Ct))["python"]);
        Assert.Equal([Ds, Mle], (await s.Store.Queries().GetLinkedAsync(["python"], RelationKind.Uses, LinkDirection.Incoming, Ct))["python"].Select(l => l.Node.Id));
        Assert.Empty(await s.Store.Queries().SearchAsync(new SearchQuery("python", [NodeKind.Skill]), Ct));
        Assert.Equal(NodeKind.Tool, Assert.Single(await s.Store.Queries().SearchAsync(new SearchQuery("python", [NodeKind.Tool]), Ct)).Node.Kind);
        await AssertSameGraphAsync(s, "after replacing");
    }

    internal static readonly Dictionary<string, Func<DatasetModel, GraphEdit>> DryRuns = new()
    {
        ["create"] = _ => CreateEdit,
        ["update"] = UpdateEdit,
        ["delete with cascade"] = _ => new() { DeleteNodes = ["python", "technology"], Cascade = true },
        ["delete links"] = _ => new() { DeleteLinks = [new LinkKey(Mle, "python", RelationKind.Requires)] },
        ["replace"] = m => GraphEdit.Import(ReplacementDocument(m), ImportMode.Replace),
        ["import what is there"] = m => GraphEdit.Import(m.Document, ImportMode.Merge),
    };

    [Theory]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    [MemberData(nameof(ContractCases.DryRunCases), MemberType = typeof(ContractCases))]
    public async Task A_dry_run_reports_what_the_edit_would_do_and_changes_nothing(string edit)
    {
        var s = await WriteAsync(ContractDataset.Seed);
        var graphEdit = DryRuns[edit](s.Model);

        var dry = await ApplyBothAsync(s, graphEdit, dryRun: true);
        Same(Show.Document(s.Model.Document), Show.Document(await s.Store.ExportAsync(Ct)), "export after the dry run");
        await AssertSameGraphAsync(s, "after the dry run");
        var real = await ApplyBothAsync(s, graphEdit);

        Assert.True(dry.DryRun);
        Assert.False(real.DryRun);
        Assert.Equal(Show.Report(dry with { DryRun = false }), Show.Report(real));
        await AssertSameGraphAsync(s, "after the real run");
    }

    private const string Bad = GraphEditProblem.BadInput;
    private const string NotFound = GraphEditProblem.NotFound;
    private const string NotASlugRule = "is not a slug (lower-case letters and digits, single dashes between).";

    /// <summary>
    /// Refused edits, each with every problem it must be refused with (code, input path, message), written out by hand
    /// in the planner's order: upserted nodes, deleted nodes, deleted links, upserted links, then nodes whose deletion
    /// would leave links.
    /// </summary>
    internal static readonly Dictionary<string, (GraphEdit Edit, string[] Problems)> InvalidEdits = new()
    {
        ["a link to an unknown node"] = (
            new() { UpsertNodes = [Rust], UpsertLinks = [new(Mle, "rust", RelationKind.Requires), new(Mle, "no-such-skill", RelationKind.Requires)] },
            [$"{Bad} at links[1].to: No node has the id 'no-such-skill'."]),
        ["a link between the wrong kinds"] = (
            new() { UpsertLinks = [new("python", "java", RelationKind.Requires)] },
            [$"{Bad} at links[0].relation: REQUIRES joins Role -> Skill, not Skill 'python' -> Skill 'java'."]),
        ["an importance above 1"] = (
            new() { UpsertLinks = [new(Mle, "python", RelationKind.Requires, 1.5)] },
            [$"{Bad} at links[0].importance: The importance must be between 0 and 1; got 1.5."]),
        ["a negative level"] = (
            new() { UpsertLinks = [new(Mle, "python", RelationKind.Requires, 0.5, -0.1)] },
            [$"{Bad} at links[0].level: The level must be between 0 and 1; got -0.1."]),
        ["an importance that is not a number"] = (
            new() { UpsertLinks = [new(Mle, "python", RelationKind.Requires, double.NaN)] },
            [$"{Bad} at links[0].importance: The importance must be between 0 and 1; got NaN."]),
        ["an importance on SUPPORTS"] = (
            new() { UpsertLinks = [new("tensorflow", "machine-learning-frameworks", RelationKind.Supports, 0.5)] },
            [$"{Bad} at links[0].importance: SUPPORTS links carry no importance."]),
        ["a level on USES"] = (
            new() { UpsertLinks = [new(Mle, "aws", RelationKind.Uses, 0.6, 0.5)] },
            [$"{Bad} at links[0].level: USES links carry no level."]),
        ["a node given twice"] = (
            new() { UpsertNodes = [Rust, Rust with { Name = "Rust again" }] },
            [$"{Bad} at nodes[1].id: The node 'rust' is given more than once."]),
        ["an id that would change kind"] = (
            new() { UpsertNodes = [NewNode("python", NodeKind.Tool, "Python")] },
            [$"{Bad} at nodes[0].id: The id 'python' belongs to a Skill; it cannot also name a Tool."]),
        ["a node written and deleted"] = (
            new() { UpsertNodes = [NewNode("python", NodeKind.Skill, "Python")], DeleteNodes = ["python"], Cascade = true },
            [$"{Bad} at deleteNodes[0]: The node 'python' is both written and deleted."]),
        ["deleting an unknown node"] = (
            new() { DeleteNodes = ["no-such-node"] },
            [$"{NotFound} at deleteNodes[0]: No node has the id 'no-such-node'."]),
        ["deleting a node twice"] = (
            new() { DeleteNodes = ["python", "python"], Cascade = true },
            [$"{Bad} at deleteNodes[1]: The node 'python' is deleted more than once."]),
        ["deleting an unknown link"] = (
            new() { DeleteLinks = [new LinkKey(Mle, "tableau", RelationKind.Uses)] },
            [$"{NotFound} at deleteLinks[0]: There is no link {Mle} -USES-> tableau."]),
        ["deleting a linked node without cascade"] = (
            // r: required by the data scientist, related to programming and statistical analysis, in a category; python: two
            // roles, programming, a category. Reported in the order the edit names them.
            new() { DeleteNodes = ["r", "python"] },
            [
                $"{Bad} at deleteNodes[0]: The node 'r' has 4 links; delete with cascade to remove them too.",
                $"{Bad} at deleteNodes[1]: The node 'python' has 4 links; delete with cascade to remove them too.",
            ]),
        ["deleting a node with one link without cascade"] = (
            new() { DeleteNodes = ["business-skills"] },
            [$"{Bad} at deleteNodes[0]: The node 'business-skills' has 1 link; delete with cascade to remove it too."]),
        ["a link to itself"] = (
            new() { UpsertLinks = [new("python", "python", RelationKind.RelatedTo)] },
            [$"{Bad} at links[0].to: A node cannot link to itself ('python')."]),
        ["a symmetric link given the other way round"] = (
            new() { UpsertLinks = [new("programming", "python", RelationKind.RelatedTo)] },
            [$"{Bad} at links[0]: RELATED_TO is symmetric: the link python -> programming already says this."]),
        ["a symmetric link given both ways in a replace"] = (
            new()
            {
                UpsertNodes = [NewNode("python", NodeKind.Skill, "Python"), NewNode("java", NodeKind.Skill, "Java")],
                UpsertLinks = [new("python", "java", RelationKind.RelatedTo), new("java", "python", RelationKind.RelatedTo)],
                ReplaceAll = true,
            },
            [$"{Bad} at links[1]: RELATED_TO is symmetric: the link python -> java already says this."]),
        ["a link given twice"] = (
            new() { UpsertNodes = [Rust], UpsertLinks = [new(Mle, "rust", RelationKind.Requires, 0.5), new(Mle, "rust", RelationKind.Requires, 0.6)] },
            [$"{Bad} at links[1]: The link {Mle} -REQUIRES-> rust is given more than once."]),
        ["a refused link given again correctly, then twice"] = (
            // The refused first one does not count as given; the third repeats the second.
            new() { UpsertLinks = [new(Mle, "r", RelationKind.Requires, 1.5), new(Mle, "r", RelationKind.Requires, 0.5), new(Mle, "r", RelationKind.Requires, 0.5)] },
            [
                $"{Bad} at links[0].importance: The importance must be between 0 and 1; got 1.5.",
                $"{Bad} at links[2]: The link {Mle} -REQUIRES-> r is given more than once.",
            ]),
        ["an id that is not a slug"] = (
            new() { UpsertNodes = [NewNode("Not A Slug", NodeKind.Skill, "Not a slug")] },
            [$"{Bad} at nodes[0].id: Id 'Not A Slug' {NotASlugRule}"]),
        ["a blank name"] = (
            new() { UpsertNodes = [Rust with { Name = "  " }] },
            [$"{Bad} at nodes[0].name: Missing name."]),
        ["a blank alias"] = (
            new() { UpsertNodes = [Rust with { Aliases = ["Rust lang", ""] }] },
            [$"{Bad} at nodes[0].aliases: Aliases must not be blank."]),
        ["a lone surrogate"] = (
            new() { UpsertNodes = [Rust with { Description = "broken \uD800 text" }] },
            [$"{Bad} at nodes[0].description: The text contains a lone surrogate (ill-formed UTF-16)."]),
        ["a refused node is no end for links"] = (
            // Refused for its name, rust is not created, so the link cannot reach it; python, refused for its kind
            // too, stays the Skill it is, so REQUIRES still reaches it.
            new()
            {
                UpsertNodes = [Rust with { Name = "" }, NewNode("python", NodeKind.Tool, " ")],
                UpsertLinks = [new(Mle, "rust", RelationKind.Requires), new(Mle, "python", RelationKind.Requires, 0.9)],
            },
            [
                $"{Bad} at nodes[0].name: Missing name.",
                $"{Bad} at nodes[1].name: Missing name.",
                $"{Bad} at links[0].to: No node has the id 'rust'.",
            ]),
        ["a link to a node the edit deletes"] = (
            new() { DeleteNodes = ["python"], Cascade = true, UpsertLinks = [new(Mle, "python", RelationKind.Requires)] },
            [$"{Bad} at links[0].to: The node 'python' is deleted by this edit."]),
        ["a link to a node a replace drops"] = (
            // Replacing the graph with the engineer alone drops python, which the graph held until now.
            new() { UpsertNodes = [NewNode(Mle, NodeKind.Role, "Machine Learning Engineer")], UpsertLinks = [new(Mle, "python", RelationKind.Requires)], ReplaceAll = true },
            [$"{Bad} at links[0].to: The node 'python' is deleted by this edit."]),
        ["a valid part and an invalid part"] = (
            new()
            {
                UpsertNodes = [Rust, NewNode("cargo", NodeKind.Tool, "Cargo")],
                UpsertLinks = [new(Mle, "rust", RelationKind.Requires, 0.9), new("cargo", "rust", RelationKind.Requires)],
                DeleteNodes = ["tableau"],
                DeleteLinks = [new LinkKey(Ds, "python", RelationKind.Requires)],
                Cascade = true,
            },
            [$"{Bad} at links[1].relation: REQUIRES joins Role -> Skill, not Tool 'cargo' -> Skill 'rust'."]),
        ["several problems at once"] = (
            new()
            {
                UpsertNodes = [NewNode("BAD", NodeKind.Skill, ""), NewNode("python", NodeKind.Role, "Python")],
                UpsertLinks = [new(Mle, "nothing", RelationKind.Uses), new(Mle, "python", RelationKind.Requires, 2.0, 3.0), new("ghost", "nothing", RelationKind.Uses)],
                DeleteNodes = ["ghost"],
                DeleteLinks = [new LinkKey("a", "b", RelationKind.Supports)],
            },
            [
                $"{Bad} at nodes[0].id: Id 'BAD' {NotASlugRule}",
                $"{Bad} at nodes[0].name: Missing name.",
                $"{Bad} at nodes[1].id: The id 'python' belongs to a Skill; it cannot also name a Role.",
                $"{NotFound} at deleteNodes[0]: No node has the id 'ghost'.",
                $"{NotFound} at deleteLinks[0]: There is no link a -SUPPORTS-> b.",
                $"{Bad} at links[0].to: No node has the id 'nothing'.",
                $"{Bad} at links[1].importance: The importance must be between 0 and 1; got 2.",
                $"{Bad} at links[1].level: The level must be between 0 and 1; got 3.",
                $"{Bad} at links[2].from: No node has the id 'ghost'.",
                $"{Bad} at links[2].to: No node has the id 'nothing'.",
            ]),
    };

    [Theory]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    [MemberData(nameof(ContractCases.InvalidEditCases), MemberType = typeof(ContractCases))]
    public async Task An_invalid_edit_is_refused_whole_with_its_problems_and_changes_nothing(string edit, bool dryRun)
    {
        var s = await WriteAsync(ContractDataset.Seed);
        var (graphEdit, problems) = InvalidEdits[edit];

        var error = await RefuseBothAsync(s, graphEdit, dryRun);

        Assert.Equal(problems, Show.Problems(error));
        if (problems.Length == 1)
        {
            Assert.Equal(error.Problems[0].Message, error.Message);
        }
        else
        {
            Assert.StartsWith($"The edit was refused ({problems.Length} problems): {error.Problems[0].Path}: {error.Problems[0].Message}", error.Message, StringComparison.Ordinal);
        }

        Same(Show.Document(s.Model.Document), Show.Document(await s.Store.ExportAsync(Ct)), "export after the refused edit");
        Assert.Empty(await s.Store.GetNodesAsync(["rust", "cargo"], Ct));
        await AssertSameGraphAsync(s, "after the refused edit");
    }

    [Theory]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    [InlineData("python", "programming")]
    [InlineData("programming", "python")]
    public async Task A_symmetric_link_is_deleted_when_named_either_way(string from, string to)
    {
        // Stored as python -> programming (the seed's order).
        var s = await WriteAsync(ContractDataset.Seed);

        var report = await ApplyBothAsync(s, new GraphEdit { DeleteLinks = [new LinkKey(from, to, RelationKind.RelatedTo)] });

        Assert.Equal("nodes created=0 updated=0 unchanged=0 deleted=0; links created=0 updated=0 unchanged=0 deleted=1; dryRun=False; changed=True", Show.Report(report));
        Assert.Empty((await s.Store.Queries().GetLinkedAsync(["python"], RelationKind.RelatedTo, LinkDirection.Outgoing, Ct))["python"]);
        Assert.Equal(["c", "java", "r"], (await s.Store.Queries().GetLinkedAsync(["programming"], RelationKind.RelatedTo, LinkDirection.Incoming, Ct))["programming"].Select(l => l.Node.Id).Order(StringComparer.Ordinal));
        await AssertSameGraphAsync(s, "after unlinking");
    }

    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task Imports_through_the_importer_record_their_sources_merge_adds_replace_resets()
    {
        var s = await WriteAsync(ContractDataset.Seed);
        const string extra = """
            formatVersion: 1
            taxonomy: { name: Extra skills, version: "1", source: contract test, license: CC0-1.0 }
            nodes:
              - { id: rust, kind: Skill, name: Rust, aliases: [Rust lang] }
            links:
              - { from: machine-learning-engineer, to: rust, relation: REQUIRES, importance: 0.5, level: 0.25 }
            """;
        const string clash = """
            formatVersion: 1
            taxonomy: { name: Clash }
            nodes:
              - { id: python, kind: Tool, name: Python }
            """;
        const string only = """
            formatVersion: 1
            taxonomy: { name: Only this }
            nodes:
              - { id: lonely, kind: Category, name: Lonely }
            """;

        async Task<EditReport> ImportBoth(string text, ImportMode mode)
        {
            var expected = await TaxonomyImporter.ImportAsync(s.Reference, [("extra.yaml", text, TaxonomyFormat.Yaml)], mode, dryRun: false, Ct);
            var actual = await TaxonomyImporter.ImportAsync(s.Store, [("extra.yaml", text, TaxonomyFormat.Yaml)], mode, dryRun: false, Ct);
            Same(Show.Report(expected), Show.Report(actual), "import report");
            return actual;
        }

        var merged = await ImportBoth(extra, ImportMode.Merge);
        var sourcesAfterMerge = (await s.Store.ExportAsync(Ct)).Sources.Select(h => h.Name).ToArray();
        var again = await ImportBoth(extra, ImportMode.Merge);
        var expectedClash = await Assert.ThrowsAsync<TaxonomyValidationException>(() => TaxonomyImporter.ImportAsync(s.Reference, [("clash.yaml", clash, TaxonomyFormat.Yaml)], ImportMode.Merge, false, Ct));
        var actualClash = await Assert.ThrowsAsync<TaxonomyValidationException>(() => TaxonomyImporter.ImportAsync(s.Store, [("clash.yaml", clash, TaxonomyFormat.Yaml)], ImportMode.Merge, false, Ct));
        await AssertSameGraphAsync(s, "after the merges");
        var replaced = await ImportBoth(only, ImportMode.Replace);

        Assert.Equal("nodes created=1 updated=0 unchanged=0 deleted=0; links created=1 updated=0 unchanged=0 deleted=0; dryRun=False; changed=True", Show.Report(merged));
        Assert.Equal(["Machine Learning Engineer vs Data Scientist", "Extra skills"], sourcesAfterMerge);
        Assert.False(again.Changed);
        Assert.Equal(expectedClash.Problems.Select(p => p.ToString()), actualClash.Problems.Select(p => p.ToString()));
        Assert.Equal($"nodes created=1 updated=0 unchanged=0 deleted={46 + 1}; links created=0 updated=0 unchanged=0 deleted={79 + 1}; dryRun=False; changed=True", Show.Report(replaced));
        var export = await s.Store.ExportAsync(Ct);
        Assert.Equal(["Only this"], export.Sources.Select(h => h.Name));
        Assert.Equal(["lonely"], export.Nodes.Select(n => n.Id));
        await AssertSameGraphAsync(s, "after the replace");
    }

    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task A_merge_of_known_facts_under_a_new_source_records_the_source()
    {
        var s = await WriteAsync(ContractDataset.Seed);
        var renamed = s.Model.Document with { Sources = [new TaxonomyHeader("Same facts, another source", "3")] };

        var dry = await ApplyBothAsync(s, GraphEdit.Import(renamed, ImportMode.Merge), dryRun: true);
        var sourcesAfterDryRun = (await s.Store.ExportAsync(Ct)).Sources.Select(h => h.Name).ToArray();
        var report = await ApplyBothAsync(s, GraphEdit.Import(renamed, ImportMode.Merge));

        // The counts see no change, yet the graph now records a second source (the embedded store's behaviour).
        Assert.Equal(46, report.Nodes.Unchanged);
        Assert.Equal(79, dry.Links.Unchanged);
        Assert.Equal(["Machine Learning Engineer vs Data Scientist"], sourcesAfterDryRun);
        Assert.Equal(["Machine Learning Engineer vs Data Scientist", "Same facts, another source"], (await s.Store.ExportAsync(Ct)).Sources.Select(h => h.Name));
        await AssertSameGraphAsync(s, "after the merge");
    }
}
