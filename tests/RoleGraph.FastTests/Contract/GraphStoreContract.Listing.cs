using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Contract;

/// <summary>Node lists (filters, orders, cursor paging, totals) and search.</summary>
public abstract partial class GraphStoreContract<TFixture>
{
    private static string Lower(GraphNode n) => n.Name.ToLowerInvariant();

    internal static readonly Dictionary<string, (NodeKind Kind, NodeFilter Filter, Func<GraphNode, bool> Matches)> Filters = new()
    {
        ["name contains, in another case"] = (NodeKind.Skill, new() { Name = new() { Contains = "DATA" } }, n => Lower(n).Contains("data", StringComparison.Ordinal)),
        ["name equals, in another case"] = (NodeKind.Skill, new() { Name = new() { Eq = "PYTHON" } }, n => Lower(n) == "python"),
        ["name equals a name several nodes have"] = (NodeKind.Skill, new() { Name = new() { Eq = "applied analytics" } }, n => Lower(n) == "applied analytics"),
        ["name differs"] = (NodeKind.Skill, new() { Name = new() { Neq = "Python" } }, n => Lower(n) != "python"),
        ["id in, mixed case and unknown ids"] = (NodeKind.Skill,
            new() { Id = new() { In = ["PYTHON", "r", "skill-0001", "SKILL-0002", "no-such-node", "machine-learning-engineer"] } },
            n => n.Id is "python" or "r" or "skill-0001" or "skill-0002"),
        ["id not in"] = (NodeKind.Skill,
            new() { Id = new() { Nin = ["PYTHON", "r", "skill-0001", "SKILL-0002", "no-such-node"] } },
            n => n.Id is not ("python" or "r" or "skill-0001" or "skill-0002")),
        ["name starts with"] = (NodeKind.Skill, new() { Name = new() { StartsWith = "D" } }, n => Lower(n).StartsWith('d')),
        ["name does not start with"] = (NodeKind.Skill, new() { Name = new() { NStartsWith = "d" } }, n => !Lower(n).StartsWith('d')),
        ["name ends with"] = (NodeKind.Skill, new() { Name = new() { EndsWith = "ING" } }, n => Lower(n).EndsWith("ing", StringComparison.Ordinal)),
        ["name does not end with"] = (NodeKind.Skill, new() { Name = new() { NEndsWith = "ing" } }, n => !Lower(n).EndsWith("ing", StringComparison.Ordinal)),
        ["name does not contain"] = (NodeKind.Skill, new() { Name = new() { NContains = "A" } }, n => !Lower(n).Contains('a', StringComparison.Ordinal)),
        ["several operations on one field"] = (NodeKind.Skill,
            new() { Name = new() { Contains = "a", NContains = "data", NEndsWith = "s" } },
            n => Lower(n).Contains('a', StringComparison.Ordinal) && !Lower(n).Contains("data", StringComparison.Ordinal) && !Lower(n).EndsWith('s')),
        ["id and name together"] = (NodeKind.Skill,
            new() { Id = new() { EndsWith = "1" }, Name = new() { Contains = "a" } },
            n => n.Id.EndsWith('1') && Lower(n).Contains('a', StringComparison.Ordinal)),
        ["and"] = (NodeKind.Skill,
            new() { And = [new() { Name = new() { Contains = "a" } }, new() { Name = new() { Contains = "t" } }] },
            n => Lower(n).Contains('a', StringComparison.Ordinal) && Lower(n).Contains('t', StringComparison.Ordinal)),
        ["or"] = (NodeKind.Skill,
            new() { Or = [new() { Name = new() { StartsWith = "p" } }, new() { Name = new() { EndsWith = "S" } }] },
            n => Lower(n).StartsWith('p') || Lower(n).EndsWith('s')),
        ["an empty or matches everything"] = (NodeKind.Skill, new() { Or = [] }, _ => true),
        ["nested and and or"] = (NodeKind.Skill,
            new()
            {
                And =
                [
                    new() { Or = [new() { Name = new() { StartsWith = "a" } }, new() { Name = new() { StartsWith = "s" } }, new() { Id = new() { Eq = "python" } }] },
                    new() { Id = new() { NContains = "1" } },
                ],
            },
            n => (Lower(n).StartsWith('a') || Lower(n).StartsWith('s') || n.Id == "python") && !n.Id.Contains('1', StringComparison.Ordinal)),
        ["matches nothing"] = (NodeKind.Skill, new() { Name = new() { Eq = "no such name" } }, _ => false),
        ["contains the empty text"] = (NodeKind.Skill, new() { Name = new() { Contains = "" } }, _ => true),
        ["non-ASCII, in another case"] = (NodeKind.Skill, new() { Name = new() { Contains = "ÖKONOMETRIE" } }, n => Lower(n).Contains("ökonometrie", StringComparison.Ordinal)),
        ["pattern characters are plain text: dot"] = (NodeKind.Skill, new() { Name = new() { Contains = "." } }, n => n.Name.Contains('.', StringComparison.Ordinal)),
        ["pattern characters are plain text: plus"] = (NodeKind.Skill, new() { Name = new() { EndsWith = "++" } }, n => n.Name.EndsWith("++", StringComparison.Ordinal)),
        ["pattern characters are plain text: slash"] = (NodeKind.Skill, new() { Name = new() { Contains = "/" } }, n => n.Name.Contains('/', StringComparison.Ordinal)),
        ["pattern characters are plain text: percent and star"] = (NodeKind.Skill, new() { Name = new() { Contains = "%" } }, n => n.Name.Contains('%', StringComparison.Ordinal)),
        ["pattern characters are plain text: regex"] = (NodeKind.Skill, new() { Name = new() { StartsWith = ".*" } }, n => n.Name.StartsWith(".*", StringComparison.Ordinal)),
        ["roles whose name contains engineer"] = (NodeKind.Role, new() { Name = new() { Contains = "ENGINEER" } }, n => Lower(n).Contains("engineer", StringComparison.Ordinal)),
        ["tools by id prefix"] = (NodeKind.Tool, new() { Id = new() { StartsWith = "tool-01" } }, n => n.Id.StartsWith("tool-01", StringComparison.Ordinal)),
        ["responsibilities with an or over ids and names"] = (NodeKind.Responsibility,
            new() { Or = [new() { Id = new() { In = ["communicate-findings", "resp-0005"] } }, new() { Name = new() { StartsWith = "monitor" } }] },
            n => n.Id is "communicate-findings" or "resp-0005" || Lower(n).StartsWith("monitor", StringComparison.Ordinal)),
        ["categories not named technology"] = (NodeKind.Category, new() { Name = new() { Neq = "TECHNOLOGY" } }, n => Lower(n) != "technology"),
    };

    internal static readonly Dictionary<string, NodeSort[]> Orders = new()
    {
        ["none (name)"] = [],
        ["name"] = [new(NodeSortField.Name)],
        ["name descending"] = [new(NodeSortField.Name, Descending: true)],
        ["id"] = [new(NodeSortField.Id)],
        ["id descending"] = [new(NodeSortField.Id, Descending: true)],
        ["name then id descending"] = [new(NodeSortField.Name), new(NodeSortField.Id, Descending: true)],
        ["name descending then id descending"] = [new(NodeSortField.Name, Descending: true), new(NodeSortField.Id, Descending: true)],
        ["id descending then name"] = [new(NodeSortField.Id, Descending: true), new(NodeSortField.Name)],
    };

    private static int PageSize(ContractDataset dataset) => dataset == ContractDataset.Seed ? 4 : 100;

    /// <summary>The order a list must have: the keys in turn, then id ascending.</summary>
    private static Comparison<GraphNode> Ordering(IReadOnlyList<NodeSort> order) => (a, b) =>
    {
        foreach (var key in order.Count == 0 ? [new NodeSort(NodeSortField.Name)] : order)
        {
            var c = key.Field == NodeSortField.Name ? string.CompareOrdinal(Lower(a), Lower(b)) : string.CompareOrdinal(a.Id, b.Id);
            if (c != 0)
            {
                return key.Descending ? -c : c;
            }
        }

        return string.CompareOrdinal(a.Id, b.Id);
    };

    /// <summary>Walks a whole list forward (first/after) or backward (last/before), page by page as a client would.</summary>
    private static async Task<(List<string> Pages, List<GraphNode> Nodes)> WalkAsync(
        IGraphStore store, NodeKind kind, NodeFilter? filter, IReadOnlyList<NodeSort> order, int size, bool forward)
    {
        var pages = new List<string>();
        var nodes = new List<GraphNode>();
        int? cursor = null;
        for (var guard = 0; guard < 10_000; guard++)
        {
            var request = forward ? new PageRequest(First: size, AfterOffset: cursor) : new PageRequest(Last: size, BeforeOffset: cursor);
            var page = await store.Queries().QueryNodesAsync(new NodeQuery(kind, filter, order, request), Ct);
            pages.AddRange(Show.Page(page));
            nodes.InsertRange(forward ? nodes.Count : 0, page.Nodes);
            if (forward ? !page.HasNextPage : !page.HasPreviousPage)
            {
                return (pages, nodes);
            }

            Assert.NotEmpty(page.Nodes);
            cursor = forward ? page.StartOffset + page.Nodes.Count - 1 : page.StartOffset;
        }

        throw new InvalidOperationException("Paging did not end.");
    }

    private static void AssertWalk(List<GraphNode> walked, List<string> pages, IReadOnlyList<GraphNode> expected, int size, bool forward)
    {
        Same(Show.Nodes(expected), Show.Nodes(walked), "the whole list, page by page, against the dataset");
        var headers = pages.Where(p => p.StartsWith("start=", StringComparison.Ordinal)).ToList();
        var pageCount = Math.Max(1, (expected.Count + size - 1) / size);
        Assert.Equal(pageCount, headers.Count);
        Assert.All(headers, h => Assert.Contains($" total={expected.Count} ", h, StringComparison.Ordinal));
        Assert.StartsWith(
            forward ? $"start=0 count={Math.Min(size, expected.Count)} " : $"start={Math.Max(0, expected.Count - size)} count={Math.Min(size, expected.Count)} ",
            headers[0],
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ContractCases.EveryKind), MemberType = typeof(ContractCases))]
    public async Task QueryNodes_pages_forward_through_every_node_of_a_kind(ContractDataset dataset, NodeKind kind)
    {
        var s = await ReadAsync(dataset);

        var (pages, nodes) = await WalkAsync(s.Store, kind, null, [], PageSize(dataset), forward: true);

        Same((await WalkAsync(s.Reference, kind, null, [], PageSize(dataset), forward: true)).Pages, pages, "pages");
        AssertWalk(nodes, pages, DatasetModel.SortedByName(s.Model.OfKind(kind)), PageSize(dataset), forward: true);
    }

    [Theory]
    [MemberData(nameof(ContractCases.EveryKind), MemberType = typeof(ContractCases))]
    public async Task QueryNodes_pages_backward_with_last_and_before(ContractDataset dataset, NodeKind kind)
    {
        var s = await ReadAsync(dataset);

        var (pages, nodes) = await WalkAsync(s.Store, kind, null, [], PageSize(dataset), forward: false);

        Same((await WalkAsync(s.Reference, kind, null, [], PageSize(dataset), forward: false)).Pages, pages, "pages");
        AssertWalk(nodes, pages, DatasetModel.SortedByName(s.Model.OfKind(kind)), PageSize(dataset), forward: false);
    }

    [Theory]
    [MemberData(nameof(ContractCases.OrderCases), MemberType = typeof(ContractCases))]
    public async Task QueryNodes_orders_by_the_keys_asked_then_by_id(ContractDataset dataset, string order)
    {
        var s = await ReadAsync(dataset);
        var keys = Orders[order];

        var (pages, nodes) = await WalkAsync(s.Store, NodeKind.Skill, null, keys, PageSize(dataset), forward: true);

        Same((await WalkAsync(s.Reference, NodeKind.Skill, null, keys, PageSize(dataset), forward: true)).Pages, pages, "pages");
        var expected = s.Model.OfKind(NodeKind.Skill).ToList();
        expected.Sort(Ordering(keys));
        AssertWalk(nodes, pages, expected, PageSize(dataset), forward: true);
    }

    [Theory]
    [MemberData(nameof(ContractCases.FilterCases), MemberType = typeof(ContractCases))]
    public async Task QueryNodes_filters_ids_and_names_case_insensitively(ContractDataset dataset, string filter)
    {
        var s = await ReadAsync(dataset);
        var (kind, nodeFilter, matches) = Filters[filter];

        var (pages, nodes) = await WalkAsync(s.Store, kind, nodeFilter, [], PageSize(dataset), forward: true);

        Same((await WalkAsync(s.Reference, kind, nodeFilter, [], PageSize(dataset), forward: true)).Pages, pages, "pages");
        AssertWalk(nodes, pages, DatasetModel.SortedByName(s.Model.OfKind(kind).Where(matches)), PageSize(dataset), forward: true);
    }

    [Fact]
    public async Task QueryNodes_filters_hold_for_backward_paging_on_the_Generated_graph()
    {
        var s = await ReadAsync(ContractDataset.Generated);
        var filter = new NodeFilter { Name = new() { Contains = "a" } };
        NodeSort[] order = [new(NodeSortField.Name, Descending: true)];

        var (pages, nodes) = await WalkAsync(s.Store, NodeKind.Responsibility, filter, order, 33, forward: false);

        Same((await WalkAsync(s.Reference, NodeKind.Responsibility, filter, order, 33, forward: false)).Pages, pages, "pages");
        var expected = s.Model.OfKind(NodeKind.Responsibility).Where(n => Lower(n).Contains('a', StringComparison.Ordinal)).ToList();
        expected.Sort(Ordering(order));
        AssertWalk(nodes, pages, expected, 33, forward: false);
    }

    internal static readonly Dictionary<string, (PageRequest Request, int Start, int Count, bool HasPrevious, bool HasNext)> Windows = new()
    {
        ["no arguments: the first 20"] = (new(), 0, 20, false, true),
        ["first 0"] = (new(First: 0), 0, 0, false, true),
        ["last 0"] = (new(Last: 0), 800, 0, true, false),
        ["first 100"] = (new(First: 100), 0, 100, false, true),
        ["last 100"] = (new(Last: 100), 700, 100, true, false),
        ["first 5 after 0"] = (new(First: 5, AfterOffset: 0), 1, 5, true, true),
        ["last 3 before 4"] = (new(Last: 3, BeforeOffset: 4), 1, 3, true, true),
        ["first 100 after 749"] = (new(First: 100, AfterOffset: 749), 750, 50, true, false),
        ["first 1 after 798"] = (new(First: 1, AfterOffset: 798), 799, 1, true, false),
        ["after the last"] = (new(AfterOffset: 799), 800, 0, true, false),
        ["after beyond the end"] = (new(AfterOffset: 5000), 800, 0, true, false),
        ["before the first"] = (new(BeforeOffset: 0), 0, 0, false, true),
        ["last 10 before 15"] = (new(Last: 10, BeforeOffset: 15), 5, 10, true, true),
        ["first 10 and last 3 after 9"] = (new(First: 10, AfterOffset: 9, Last: 3), 17, 3, true, true),
        ["after 9 before 15"] = (new(AfterOffset: 9, BeforeOffset: 15), 10, 5, true, true),
        ["last 5 before beyond the end"] = (new(Last: 5, BeforeOffset: 5000), 795, 5, true, false),
        ["before lies before after"] = (new(AfterOffset: 20, BeforeOffset: 10), 21, 0, true, true),
        ["first 3 before 2"] = (new(First: 3, BeforeOffset: 2), 0, 2, false, true),
        ["last 50 after 780"] = (new(Last: 50, AfterOffset: 780), 781, 19, true, false),
    };

    [Theory]
    [MemberData(nameof(ContractCases.WindowCases), MemberType = typeof(ContractCases))]
    public async Task QueryNodes_windows_of_the_Generated_responsibilities_follow_the_relay_algorithm(string window)
    {
        var s = await ReadAsync(ContractDataset.Generated);
        var (request, start, count, hasPrevious, hasNext) = Windows[window];
        var query = new NodeQuery(NodeKind.Responsibility, null, [], request);

        var page = await s.Store.Queries().QueryNodesAsync(query, Ct);

        Same(Show.Page(await s.Reference.Queries().QueryNodesAsync(query, Ct)), Show.Page(page), "page");
        var all = DatasetModel.SortedByName(s.Model.OfKind(NodeKind.Responsibility));
        Assert.Equal(GeneratedGraph.ResponsibilityCount, all.Length);
        Same(
            [$"start={start} count={count} total={all.Length} hasPreviousPage={hasPrevious} hasNextPage={hasNext}", .. Show.Nodes(all.Skip(start).Take(count))],
            Show.Page(page),
            "page against the dataset");
    }

    internal static readonly Dictionary<string, (string Text, NodeKind[]? Kinds, int First)> Searches = new()
    {
        ["python"] = ("python", null, 20),
        ["in another case"] = ("PYTHON", null, 20),
        ["padded with blanks"] = ("  Python ", null, 20),
        ["a prefix"] = ("pro", null, 20),
        ["data"] = ("data", null, 20),
        ["a substring, a hundred hits"] = ("ing", null, 100),
        ["one letter, a hundred hits"] = ("a", null, 100),
        ["one letter, the best hit only"] = ("a", null, 1),
        ["an exact name among prefixes"] = ("c", null, 50),
        ["tools only"] = ("cloud", [NodeKind.Tool], 20),
        ["skills and tools"] = ("cloud", [NodeKind.Skill, NodeKind.Tool], 20),
        ["a kind given twice"] = ("data", [NodeKind.Skill, NodeKind.Skill], 20),
        ["every kind given"] = ("e", [NodeKind.Category, NodeKind.Responsibility, NodeKind.Tool, NodeKind.Skill, NodeKind.Role], 100),
        ["roles only, on an alias"] = ("ml", [NodeKind.Role], 20),
        ["an alias"] = ("google", null, 20),
        ["nothing matches"] = ("xyzzy-nothing", null, 20),
        ["a word after punctuation"] = ("js", null, 20),
        ["punctuation"] = ("/b", null, 20),
        ["pattern characters: plus"] = ("c++", null, 20),
        ["pattern characters: regex"] = (".*", null, 20),
        ["pattern characters: parenthesis"] = ("(app", null, 20),
        ["non-ASCII"] = ("ökonometrie", null, 20),
        ["non-ASCII in another case"] = ("ÜMLAUT", null, 20),
        ["two words"] = ("data mining", null, 20),
        ["a name several nodes have"] = ("applied analytics", null, 100),
        ["a role name two roles have"] = ("mirror twin", [NodeKind.Role], 20),
        ["a hundred, across every rank"] = ("an", null, 100),
    };

    [Theory]
    [MemberData(nameof(ContractCases.SearchCases), MemberType = typeof(ContractCases))]
    public async Task Search_ranks_exact_prefix_token_substring_then_name_before_alias(ContractDataset dataset, string search)
    {
        var s = await ReadAsync(dataset);
        var (text, kinds, first) = Searches[search];
        var query = new SearchQuery(text, kinds, first);

        var hits = await s.Store.Queries().SearchAsync(query, Ct);

        Same(Show.Hits(await s.Reference.Queries().SearchAsync(query, Ct)), Show.Hits(hits), "hits");
        Same(Show.Hits(s.Model.Search(text, kinds, first)), Show.Hits(hits), "hits against the dataset");
        Assert.True(hits.Count <= first);
        Assert.All(hits, h =>
        {
            Assert.True(kinds is null || kinds.Contains(h.Node.Kind));
            Assert.True(h.MatchedText == h.Node.Name || h.Node.Aliases.Contains(h.MatchedText));
            Assert.Contains(text.Trim(), h.MatchedText, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Search_finds_the_seeds_names_and_aliases()
    {
        var s = await ReadAsync(ContractDataset.Seed);

        var python = await s.Store.Queries().SearchAsync(new SearchQuery("python"), Ct);
        var google = await s.Store.Queries().SearchAsync(new SearchQuery("Google"), Ct);
        var ml = await s.Store.Queries().SearchAsync(new SearchQuery("ML", [NodeKind.Role]), Ct);
        var c = await s.Store.Queries().SearchAsync(new SearchQuery("c", [NodeKind.Skill], First: 3), Ct);

        Assert.Equal([("python", SearchMatch.Exact, "Python")], python.Select(h => (h.Node.Id, h.Match, h.MatchedText)));
        // Both aliases of GCP start with "google": the first one listed is the one reported.
        Assert.Equal([("gcp", SearchMatch.Prefix, "Google Cloud Platform")], google.Select(h => (h.Node.Id, h.Match, h.MatchedText)));
        Assert.Equal([("machine-learning-engineer", SearchMatch.Prefix, "ML Engineer")], ml.Select(h => (h.Node.Id, h.Match, h.MatchedText)));
        // "C" is exact; then prefixes on names (Cloud services, Communication with stakeholders) beat any alias.
        Assert.Equal([("c", SearchMatch.Exact), ("cloud-services", SearchMatch.Prefix), ("stakeholder-communication", SearchMatch.Prefix)], c.Select(h => (h.Node.Id, h.Match)));
    }
}
