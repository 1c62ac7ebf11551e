using System.Globalization;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// Frontend query power (issue 16): lists filtered by links and properties, paged links of a node with statistics,
/// and facets over roles. Every expectation is computed from the dataset by plain LINQ, besides the reference store.
/// </summary>
public abstract partial class GraphStoreContract<TFixture>
{
    private static string Lowered(string text) => text.ToLowerInvariant();

    /// <summary>A node's links of one relation and direction in the dataset, with their far ends.</summary>
    private static IEnumerable<(GraphNode Far, GraphLink Link)> LinksIn(DatasetModel m, string id, RelationKind relation, LinkDirection direction, NodeKind? farKind = null) =>
        m.Links(id, relation, direction)
            .Select(l => (Far: m[direction == LinkDirection.Outgoing ? l.ToId : l.FromId], Link: l))
            .Where(x => farKind is null || x.Far.Kind == farKind);

    private static NodeFilter Linked(RelationKind relation, LinkDirection direction, RelationFilter filter, NodeKind? farKind = null) =>
        new() { Links = [new RelationCondition(relation, direction, farKind, filter)] };

    private const LinkDirection Out = LinkDirection.Outgoing;
    private const LinkDirection In = LinkDirection.Incoming;

    internal static readonly Dictionary<string, (NodeKind Kind, NodeFilter Filter, Func<DatasetModel, GraphNode, bool> Matches)> LinkFilters = new()
    {
        ["roles with some skill named like data"] = (NodeKind.Role,
            Linked(RelationKind.Requires, Out, new() { Some = new() { Name = new() { Contains = "DATA" } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.Requires, Out).Any(x => Lowered(x.Far.Name).Contains("data", StringComparison.Ordinal))),
        ["roles requiring two given skills, each with importance at least 0.6"] = (NodeKind.Role,
            new()
            {
                And =
                [
                    Linked(RelationKind.Requires, Out, new() { Some = new() { Id = new() { In = ["python", "skill-0000"] }, Importance = new() { Gte = 0.6 } } }),
                    Linked(RelationKind.Requires, Out, new() { Some = new() { Id = new() { Eq = "PROGRAMMING" }, Importance = new() { Gte = 0.6 } } }),
                ],
            },
            (m, n) => LinksIn(m, n.Id, RelationKind.Requires, Out).Any(x => x.Far.Id is "python" or "skill-0000" && x.Link.Importance >= 0.6)
                && LinksIn(m, n.Id, RelationKind.Requires, Out).Any(x => x.Far.Id == "programming" && x.Link.Importance >= 0.6)),
        ["roles requiring a popular skill by id"] = (NodeKind.Role,
            Linked(RelationKind.Requires, Out, new() { Some = new() { Id = new() { In = ["skill-0001", "skill-0002", "python", "no-such-node"] } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.Requires, Out).Any(x => x.Far.Id is "skill-0001" or "skill-0002" or "python")),
        // A link filter by ids (answered by binary search) with more conditions beside it: they must still be checked.
        ["roles requiring python or skill-0000 whose every skill matters at least half"] = (NodeKind.Role,
            Linked(RelationKind.Requires, Out, new() { Some = new() { Id = new() { In = ["python", "skill-0000"] } }, All = new() { Importance = new() { Gte = 0.5 } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.Requires, Out).Any(x => x.Far.Id is "python" or "skill-0000")
                && LinksIn(m, n.Id, RelationKind.Requires, Out).All(x => x.Link.Importance >= 0.5)),
        ["roles requiring python or skill-0000 and no skill named like learning"] = (NodeKind.Role,
            Linked(RelationKind.Requires, Out, new() { Some = new() { Id = new() { In = ["python", "skill-0000"] } }, None = new() { Name = new() { Contains = "learning" } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.Requires, Out).Any(x => x.Far.Id is "python" or "skill-0000")
                && !LinksIn(m, n.Id, RelationKind.Requires, Out).Any(x => Lowered(x.Far.Name).Contains("learning", StringComparison.Ordinal))),
        ["roles with a skill of high importance and low level"] = (NodeKind.Role,
            Linked(RelationKind.Requires, Out, new() { Some = new() { Importance = new() { Gt = 0.7 }, Level = new() { Lte = 0.5 } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.Requires, Out).Any(x => x.Link.Importance > 0.7 && x.Link.Level <= 0.5)),
        ["roles whose every tool matters at least half"] = (NodeKind.Role,
            Linked(RelationKind.Uses, Out, new() { All = new() { Importance = new() { Gte = 0.5 } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.Uses, Out).All(x => x.Link.Importance >= 0.5)),
        ["roles using tools, none of them named like cloud"] = (NodeKind.Role,
            Linked(RelationKind.Uses, Out, new() { Any = true, None = new() { Name = new() { Contains = "cloud" } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.Uses, Out).Any()
                && !LinksIn(m, n.Id, RelationKind.Uses, Out).Any(x => Lowered(x.Far.Name).Contains("cloud", StringComparison.Ordinal))),
        ["roles without tools"] = (NodeKind.Role,
            Linked(RelationKind.Uses, Out, new() { Any = false }),
            (m, n) => !LinksIn(m, n.Id, RelationKind.Uses, Out).Any()),
        ["roles not requiring anything at importance 1 or level 0.9, or named like engineer"] = (NodeKind.Role,
            new()
            {
                Or =
                [
                    new() { Not = Linked(RelationKind.Requires, Out, new() { Some = new() { Or = [new() { Importance = new() { Eq = 1 } }, new() { Level = new() { In = [0.9] } }] } }) },
                    new() { Name = new() { Contains = "engineer" } },
                ],
            },
            (m, n) => !LinksIn(m, n.Id, RelationKind.Requires, Out).Any(x => x.Link.Importance == 1 || x.Link.Level == 0.9)
                || Lowered(n.Name).Contains("engineer", StringComparison.Ordinal)),
        ["roles with a primary focus property holding work"] = (NodeKind.Role,
            new() { Properties = new() { Some = new() { Key = new() { Eq = "PRIMARYFOCUS" }, Value = new() { Contains = "work" } } } },
            (m, n) => n.Properties.Any(p => p.Key == "primaryFocus" && Lowered(p.Value).Contains("work", StringComparison.Ordinal))),
        ["roles without an onetSoc property and with responsibilities"] = (NodeKind.Role,
            new()
            {
                Properties = new() { None = new() { Key = new() { Eq = "onetsoc" } } },
                Links = [new RelationCondition(RelationKind.ResponsibleFor, Out, null, new() { Any = true })],
            },
            (m, n) => !n.Properties.ContainsKey("onetSoc") && LinksIn(m, n.Id, RelationKind.ResponsibleFor, Out).Any()),
        ["skills in a category named like a, required by some role at 0.8 or more"] = (NodeKind.Skill,
            new()
            {
                And =
                [
                    Linked(RelationKind.InCategory, Out, new() { Some = new() { Name = new() { Contains = "A" } } }),
                    Linked(RelationKind.Requires, In, new() { Some = new() { Importance = new() { Gte = 0.8 } } }),
                ],
            },
            (m, n) => LinksIn(m, n.Id, RelationKind.InCategory, Out).Any(x => Lowered(x.Far.Name).Contains('a', StringComparison.Ordinal))
                && LinksIn(m, n.Id, RelationKind.Requires, In).Any(x => x.Link.Importance >= 0.8)),
        ["skills no role requires"] = (NodeKind.Skill,
            Linked(RelationKind.Requires, In, new() { Any = false }),
            (m, n) => !LinksIn(m, n.Id, RelationKind.Requires, In).Any()),
        ["skills without properties, supported by a tool"] = (NodeKind.Skill,
            new() { Properties = new() { Any = false }, Links = [new RelationCondition(RelationKind.Supports, In, null, new() { Any = true })] },
            (m, n) => n.Properties.Count == 0 && LinksIn(m, n.Id, RelationKind.Supports, In).Any()),
        ["tools every user of which needs them at 0.3 or more, in no category"] = (NodeKind.Tool,
            new()
            {
                Links =
                [
                    new RelationCondition(RelationKind.Uses, In, null, new() { All = new() { Importance = new() { Gte = 0.3 } } }),
                    new RelationCondition(RelationKind.InCategory, Out, null, new() { Any = false }),
                ],
            },
            (m, n) => LinksIn(m, n.Id, RelationKind.Uses, In).All(x => x.Link.Importance >= 0.3) && !LinksIn(m, n.Id, RelationKind.InCategory, Out).Any()),
        ["responsibilities of a role named like engineer"] = (NodeKind.Responsibility,
            Linked(RelationKind.ResponsibleFor, In, new() { Some = new() { Name = new() { Contains = "Engineer" } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.ResponsibleFor, In).Any(x => Lowered(x.Far.Name).Contains("engineer", StringComparison.Ordinal))),
        ["categories holding a skill member, without subcategories"] = (NodeKind.Category,
            new()
            {
                Links =
                [
                    new RelationCondition(RelationKind.InCategory, In, NodeKind.Skill, new() { Any = true }),
                    new RelationCondition(RelationKind.SubcategoryOf, In, null, new() { Any = false }),
                ],
            },
            (m, n) => LinksIn(m, n.Id, RelationKind.InCategory, In, NodeKind.Skill).Any() && !LinksIn(m, n.Id, RelationKind.SubcategoryOf, In).Any()),
        // By ids, in both directions: a category's link to a named category the other way round must not count.
        ["categories directly beneath category-01, -02 or -03"] = (NodeKind.Category,
            Linked(RelationKind.SubcategoryOf, Out, new() { Some = new() { Id = new() { In = ["category-01", "category-02", "category-03"] } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.SubcategoryOf, Out).Any(x => x.Far.Id is "category-01" or "category-02" or "category-03")),
        ["categories directly above category-01, -02 or -03"] = (NodeKind.Category,
            Linked(RelationKind.SubcategoryOf, In, new() { Some = new() { Id = new() { In = ["category-01", "category-02", "category-03"] } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.SubcategoryOf, In).Any(x => x.Far.Id is "category-01" or "category-02" or "category-03")),
        ["categories beneath a parent whose id is not category-00"] = (NodeKind.Category,
            Linked(RelationKind.SubcategoryOf, Out, new() { Some = new() { Not = new() { Id = new() { Eq = "category-00" } } } }),
            (m, n) => LinksIn(m, n.Id, RelationKind.SubcategoryOf, Out).Any(x => x.Far.Id != "category-00")),
    };

    [Theory]
    [MemberData(nameof(ContractCases.LinkFilterCases), MemberType = typeof(ContractCases))]
    public async Task QueryNodes_filters_by_links_and_properties(ContractDataset dataset, string filter)
    {
        var s = await ReadAsync(dataset);
        var (kind, nodeFilter, matches) = LinkFilters[filter];

        var (pages, nodes) = await WalkAsync(s.Store, kind, nodeFilter, [], PageSize(dataset), forward: true);

        Same((await WalkAsync(s.Reference, kind, nodeFilter, [], PageSize(dataset), forward: true)).Pages, pages, "pages");
        AssertWalk(nodes, pages, DatasetModel.SortedByName(s.Model.OfKind(kind).Where(n => matches(s.Model, n))), PageSize(dataset), forward: true);
    }

    private static string[] ShowLinkPage(LinkPage page) =>
    [
        $"start={page.StartOffset} count={page.Items.Count} total={page.TotalCount} hasPreviousPage={page.HasPreviousPage} hasNextPage={page.HasNextPage} "
            + $"importance={ShowStats(page.Importance)} level={ShowStats(page.Level)}",
        .. page.Items.Select(i => $"{i.Node.Id} importance={Show.Number(i.Link.Importance)} level={Show.Number(i.Link.Level)}"),
    ];

    private static string ShowStats(NumberStats? stats) =>
        stats is null ? "null" : string.Create(CultureInfo.InvariantCulture, $"{stats.Count}/{Show.Score(stats.Min)}/{Show.Score(stats.Max)}/{Show.Score(stats.Average)}");

    internal static readonly Dictionary<string, (LinkFilter? Filter, LinkSort[] Order, Func<GraphLink, GraphNode, bool> Matches, Comparison<(GraphNode Far, GraphLink Link)> Ordering)> LinkLists = new()
    {
        ["all, heaviest first"] = (null, [], (_, _) => true, (a, b) => ByWeightThenName(a, b)),
        ["importance at least 0.5, by name descending"] = (new() { Importance = new() { Gte = 0.5 } }, [new(LinkSortField.Name, Descending: true)],
            (l, _) => l.Importance >= 0.5, ByNameDescendingThenId),
        ["named like a or with a level, by level then id descending"] = (new() { Or = [new() { Name = new() { Contains = "a" } }, new() { Level = new() { Gte = 0 } }] },
            [new(LinkSortField.Level), new(LinkSortField.Id, Descending: true)],
            (l, far) => Lowered(far.Name).Contains('a', StringComparison.Ordinal) || l.Level >= 0,
            ByLevelThenIdDescending),
        ["not importance below 0.7, lightest first"] = (new() { Not = new() { Importance = new() { Lt = 0.7 } } }, [new(LinkSortField.Importance)],
            (l, _) => !(l.Importance < 0.7), ByWeightAscendingThenName),
    };

    /// <summary>The name as asked, then the id ascending: every list's final tie-break.</summary>
    private static int ByNameDescendingThenId((GraphNode Far, GraphLink Link) a, (GraphNode Far, GraphLink Link) b)
    {
        var c = string.CompareOrdinal(Lowered(b.Far.Name), Lowered(a.Far.Name));
        return c != 0 ? c : string.CompareOrdinal(a.Far.Id, b.Far.Id);
    }

    private static int ByLevelThenIdDescending((GraphNode Far, GraphLink Link) a, (GraphNode Far, GraphLink Link) b)
    {
        var c = (a.Link.Level, b.Link.Level) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (x, y) => x!.Value.CompareTo(y!.Value),
        };
        return c != 0 ? c : string.CompareOrdinal(b.Far.Id, a.Far.Id);
    }

    private static int ByWeightAscendingThenName((GraphNode Far, GraphLink Link) a, (GraphNode Far, GraphLink Link) b)
    {
        var c = a.Link.Weight.CompareTo(b.Link.Weight);
        return c != 0 ? c : ByName(a, b);
    }

    private static int ByName((GraphNode Far, GraphLink Link) a, (GraphNode Far, GraphLink Link) b) => DatasetModel.ByNameThenId(a.Far, b.Far);

    private static int ByWeightThenName((GraphNode Far, GraphLink Link) a, (GraphNode Far, GraphLink Link) b)
    {
        var c = b.Link.Weight.CompareTo(a.Link.Weight);
        return c != 0 ? c : ByName(a, b);
    }

    [Theory]
    [MemberData(nameof(ContractCases.EveryRelationBothWays), MemberType = typeof(ContractCases))]
    public async Task GetLinkPages_filter_order_page_and_count_a_nodes_links(ContractDataset dataset, RelationKind relation, LinkDirection direction)
    {
        var s = await ReadAsync(dataset);
        // The nodes with the most links of the relation, and some with one or none: long lists and short.
        var ids = s.Model.Document.Nodes
            .Select(n => (n.Id, Count: s.Model.Links(n.Id, relation, direction).Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(6).Select(x => x.Id)
            .Concat(s.Model.Document.Nodes.Where(n => s.Model.Links(n.Id, relation, direction).Count() == 1).Take(2).Select(n => n.Id))
            .Append(s.Model.Document.Nodes[0].Id).Append("no-such-node")
            .Distinct().ToArray();

        foreach (var (name, (filter, order, matches, ordering)) in LinkLists)
        {
            foreach (var page in new PageRequest[] { new(First: 3), new(First: 2, AfterOffset: 1), new(Last: 4), new(First: 100) })
            {
                var query = new LinkQuery(relation, direction, null, filter, order, page);
                var actual = await s.Store.Queries().GetLinkPagesAsync(ids, query, Ct);
                var expected = await s.Reference.Queries().GetLinkPagesAsync(ids, query, Ct);
                foreach (var id in ids)
                {
                    Same(ShowLinkPage(expected[id]), ShowLinkPage(actual[id]), $"{name}, {page}, of {id}");

                    var all = s.Model.Nodes.ContainsKey(id) ? LinksIn(s.Model, id, relation, direction).Where(x => matches(x.Link, x.Far)).ToList() : [];
                    all.Sort(ordering);
                    var (start, end) = page.Resolve(all.Count);
                    var importances = all.Where(x => x.Link.Importance is not null).Select(x => x.Link.Importance!.Value).ToArray();
                    var levels = all.Where(x => x.Link.Level is not null).Select(x => x.Link.Level!.Value).ToArray();
                    static NumberStats? Stats(double[] v) => v.Length == 0 ? null : new(v.Length, v.Min(), v.Max(), v.Average());
                    Same(
                        ShowLinkPage(new LinkPage(
                            all.Skip(start).Take(end - start).Select(x => new LinkedNode(x.Far, x.Link)).ToArray(),
                            start, all.Count, start > 0, end < all.Count, Stats(importances), Stats(levels))),
                        ShowLinkPage(actual[id]),
                        $"{name}, {page}, of {id}, against the dataset");
                }
            }
        }
    }

    [Fact]
    public async Task GetLinkPages_of_a_category_keep_only_the_far_kind_asked()
    {
        var s = await ReadAsync(ContractDataset.Generated);
        var categories = s.Model.OfKind(NodeKind.Category).Select(n => n.Id).ToArray();
        var query = new LinkQuery(RelationKind.InCategory, In, NodeKind.Tool, null, [new(LinkSortField.Name)], new PageRequest(First: 100));

        var actual = await s.Store.Queries().GetLinkPagesAsync(categories, query, Ct);

        var expected = await s.Reference.Queries().GetLinkPagesAsync(categories, query, Ct);
        foreach (var id in categories)
        {
            Same(ShowLinkPage(expected[id]), ShowLinkPage(actual[id]), $"tools of {id}");
            var tools = LinksIn(s.Model, id, RelationKind.InCategory, In, NodeKind.Tool).Select(x => x.Far).ToArray();
            Same(Show.Nodes(DatasetModel.SortedByName(tools)), Show.Nodes(actual[id].Items.Select(i => i.Node)), $"tools of {id} against the dataset");
        }

        Assert.Contains(categories, id => actual[id].TotalCount > 0);
    }

    internal static readonly Dictionary<string, TopItemsQuery> Facets = new()
    {
        ["every role, skills and tools"] = new(),
        ["roles named like engineer, skills, ten"] = new(Where: new() { Name = new() { Contains = "ENGINEER" } }, Kinds: [NodeKind.Skill], First: 10),
        ["roles named like a, tools, a hundred"] = new(Where: new() { Name = new() { Contains = "a" } }, Kinds: [NodeKind.Tool], First: 100),
        ["roles requiring a skill at 0.9 or more, responsibilities"] = new(
            Where: Linked(RelationKind.Requires, Out, new() { Some = new() { Importance = new() { Gte = 0.9 } } }), Kinds: [NodeKind.Responsibility], First: 20),
        ["roles given by id, every kind"] = new(
            RoleIds: ["data-scientist", "machine-learning-engineer", "role-0000", "role-0001", "role-0002", "role-0297"],
            Kinds: [NodeKind.Responsibility, NodeKind.Skill, NodeKind.Tool], First: 100),
        ["roles given by id and a filter"] = new(
            RoleIds: ["data-scientist", "machine-learning-engineer", "role-0000", "role-0001", "role-0002", "role-0003", "role-0004"],
            Where: new() { Name = new() { NContains = "data" } }, First: 5),
        ["no role matches"] = new(Where: new() { Name = new() { Eq = "no such role" } }),
    };

    [Theory]
    [MemberData(nameof(ContractCases.FacetCases), MemberType = typeof(ContractCases))]
    public async Task TopItems_counts_the_items_the_matching_roles_hold(ContractDataset dataset, string facet)
    {
        var s = await ReadAsync(dataset);
        var query = Facets[facet];
        if (query.RoleIds is { } named)
        {
            query = query with { RoleIds = named.Where(s.Model.Nodes.ContainsKey).ToArray() };
        }

        var actual = await s.Store.Queries().TopItemsAsync(query, Ct);

        Same(ShowTop(await s.Reference.Queries().TopItemsAsync(query, Ct)), ShowTop(actual), "top items");

        var roles = s.Model.OfKind(NodeKind.Role)
            .Where(r => query.RoleIds is null || query.RoleIds.Contains(r.Id))
            .Where(r => query.Where is null || Lowered(r.Name) is var name && (query.Where.Name is null || query.Where.Name.Lowered().Matches(name)))
            .Where(r => query.Where?.Links is null || s.Model.Links(r.Id, RelationKind.Requires, Out).Any(l => l.Importance >= 0.9))
            .ToArray();
        var relations = query.EffectiveKinds.Select(DatasetModel.RelationFor).ToArray();
        var expected = roles.SelectMany(r => s.Model.Document.Links.Where(l => l.FromId == r.Id && relations.Contains(l.Relation)))
            .GroupBy(l => l.ToId)
            .Select(g => (Node: s.Model[g.Key], Roles: g.Count(), MeanWeight: g.Average(l => l.Weight), Importances: g.Where(l => l.Importance is not null).Select(l => l.Importance!.Value).ToArray()))
            .OrderByDescending(x => x.Roles).ThenByDescending(x => x.MeanWeight).ThenBy(x => Lowered(x.Node.Name), StringComparer.Ordinal).ThenBy(x => x.Node.Id, StringComparer.Ordinal)
            .Take(query.First)
            .Select(x => new ItemFacet(x.Node, x.Roles, (double)x.Roles / roles.Length,
                x.Importances.Length == 0 ? null : new NumberStats(x.Importances.Length, x.Importances.Min(), x.Importances.Max(), x.Importances.Average())))
            .ToArray();
        Same(ShowTop(new TopItems(roles.Length, expected)), ShowTop(actual), "top items against the dataset");
    }

    private static string[] ShowTop(TopItems top) =>
    [
        $"roles={top.RoleCount}",
        .. top.Items.Select(i => $"{i.Node.Id} roles={i.RoleCount} share={Show.Score(i.Share)} importance={ShowStats(i.Importance)}"),
    ];

    [Fact]
    public async Task TopItems_refuses_an_unknown_role_and_a_kind_roles_do_not_hold()
    {
        var s = await ReadAsync(ContractDataset.Seed);

        var unknown = await Assert.ThrowsAsync<GraphInputException>(() => s.Store.Queries().TopItemsAsync(new(RoleIds: ["data-scientist", "no-such-role"]), Ct));
        var notRole = await Assert.ThrowsAsync<GraphInputException>(() => s.Store.Queries().TopItemsAsync(new(RoleIds: ["python"]), Ct));
        var kind = await Assert.ThrowsAsync<GraphInputException>(() => s.Store.Queries().TopItemsAsync(new(Kinds: [NodeKind.Category]), Ct));
        var first = await Assert.ThrowsAsync<GraphInputException>(() => s.Store.Queries().TopItemsAsync(new(First: 0), Ct));

        Assert.Equal(["roleIds", "roleIds", "kinds", "first"], new[] { unknown, notRole, kind, first }.Select(e => e.Argument));
        Assert.Equal("no-such-role", unknown.Value);
    }
}
