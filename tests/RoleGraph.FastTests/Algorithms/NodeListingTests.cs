using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Tests.Algorithms;

public sealed class NodeListingTests
{
    /// <summary>
    /// Seven skills; by name then id: C (k0), C (k5), Java (k4), JavaScript (k6), Python (k1), R (k2), sql (k3).
    /// A tool and a role that no skill listing may show.
    /// </summary>
    private static GraphSnapshot Graph() => TestGraph.Create()
        .Skill("k1", "Python").Skill("k2", "R").Skill("k3", "sql").Skill("k4", "Java").Skill("k5", "C").Skill("k0", "C").Skill("k6", "JavaScript")
        .Tool("t1", "Airflow").Role("a1", "Analyst")
        .Build();

    private static NodePage Page(NodeFilter? filter = null, NodeSort[]? order = null, PageRequest? page = null, GraphSnapshot? graph = null) =>
        NodeListing.Page(graph ?? Graph(), new NodeQuery(NodeKind.Skill, filter, order ?? [], page ?? new PageRequest()));

    private static string[] Ids(NodePage page) => page.Nodes.Select(n => n.Id).ToArray();

    [Fact]
    public void The_default_order_is_by_name_ignoring_case_then_id()
    {
        var page = Page();

        Assert.Equal(["k0", "k5", "k4", "k6", "k1", "k2", "k3"], Ids(page));
        Assert.Equal((0, 7, false, false), (page.StartOffset, page.TotalCount, page.HasPreviousPage, page.HasNextPage));
    }

    [Fact]
    public void Name_descending_keeps_ids_ascending_among_equal_names()
    {
        Assert.Equal(["k3", "k2", "k1", "k6", "k4", "k0", "k5"], Ids(Page(order: [new NodeSort(NodeSortField.Name, Descending: true)])));
    }

    [Fact]
    public void Later_keys_break_ties_of_earlier_ones()
    {
        Assert.Equal(
            ["k3", "k2", "k1", "k6", "k4", "k5", "k0"],
            Ids(Page(order: [new NodeSort(NodeSortField.Name, Descending: true), new NodeSort(NodeSortField.Id, Descending: true)])));
    }

    [Fact]
    public void Ordering_by_id_either_way()
    {
        Assert.Equal(["k0", "k1", "k2", "k3", "k4", "k5", "k6"], Ids(Page(order: [new NodeSort(NodeSortField.Id)])));
        Assert.Equal(["k6", "k5", "k4", "k3", "k2", "k1", "k0"], Ids(Page(order: [new NodeSort(NodeSortField.Id, Descending: true)])));
    }

    public static TheoryData<string, NodeFilter, string[]> Filters => new()
    {
        { "eq", new NodeFilter { Name = new StringFilter { Eq = "PYTHON" } }, ["k1"] },
        { "eq on id", new NodeFilter { Id = new StringFilter { Eq = "K3" } }, ["k3"] },
        { "neq", new NodeFilter { Name = new StringFilter { Neq = "c" } }, ["k4", "k6", "k1", "k2", "k3"] },
        { "in", new NodeFilter { Name = new StringFilter { In = ["SQL", "java", "cobol"] } }, ["k4", "k3"] },
        { "nin", new NodeFilter { Name = new StringFilter { Nin = ["c", "R"] } }, ["k4", "k6", "k1", "k3"] },
        { "contains", new NodeFilter { Name = new StringFilter { Contains = "AVA" } }, ["k4", "k6"] },
        { "startsWith", new NodeFilter { Name = new StringFilter { StartsWith = "J" } }, ["k4", "k6"] },
        { "endsWith", new NodeFilter { Name = new StringFilter { EndsWith = "SCRIPT" } }, ["k6"] },
        { "two operations are and-ed", new NodeFilter { Name = new StringFilter { StartsWith = "j", Neq = "JAVA" } }, ["k6"] },
        { "id and name are and-ed", new NodeFilter { Id = new StringFilter { In = ["k0", "k4"] }, Name = new StringFilter { Eq = "c" } }, ["k0"] },
        {
            "and",
            new NodeFilter { And = [new() { Name = new StringFilter { StartsWith = "j" } }, new() { Name = new StringFilter { Neq = "java" } }] },
            ["k6"]
        },
        {
            "or",
            new NodeFilter { Or = [new() { Name = new StringFilter { Eq = "r" } }, new() { Id = new StringFilter { Eq = "k3" } }] },
            ["k2", "k3"]
        },
        {
            "or of and",
            new NodeFilter
            {
                Or =
                [
                    new() { And = [new() { Name = new StringFilter { StartsWith = "j" } }, new() { Name = new StringFilter { EndsWith = "a" } }] },
                    new() { Name = new StringFilter { Eq = "C" } },
                ],
            },
            ["k0", "k5", "k4"]
        },
        {
            "field and or together",
            new NodeFilter { Name = new StringFilter { Contains = "a" }, Or = [new() { Name = new StringFilter { Eq = "java" } }, new() { Name = new StringFilter { Eq = "python" } }] },
            ["k4"]
        },
        { "nothing matches", new NodeFilter { Name = new StringFilter { Eq = "Airflow" } }, [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Filters_match_case_insensitively_and_nest(string description, NodeFilter filter, string[] expected)
    {
        var page = Page(filter);

        Assert.True(expected.SequenceEqual(Ids(page)), $"{description}: got [{string.Join(", ", Ids(page))}]");
        Assert.Equal(expected.Length, page.TotalCount);
    }

    [Fact]
    public void The_default_page_is_twenty()
    {
        var ids = Enumerable.Range(0, 25).Select(i => $"s{i:00}").ToArray();
        var graph = TestGraph.Create().Nodes(NodeKind.Skill, ids).Build();

        var page = Page(graph: graph);

        Assert.Equal(ids[..20], Ids(page));
        Assert.Equal((0, 25, false, true), (page.StartOffset, page.TotalCount, page.HasPreviousPage, page.HasNextPage));

        var rest = Page(graph: graph, page: new PageRequest(AfterOffset: 19));
        Assert.Equal(ids[20..], Ids(rest));
        Assert.Equal((20, 25, true, false), (rest.StartOffset, rest.TotalCount, rest.HasPreviousPage, rest.HasNextPage));
    }

    // Positions in the default order: 0 k0, 1 k5, 2 k4, 3 k6, 4 k1, 5 k2, 6 k3.
    [Theory]
    [InlineData(2, null, null, null, new[] { "k0", "k5" }, 0, false, true)]
    [InlineData(2, 1, null, null, new[] { "k4", "k6" }, 2, true, true)]
    [InlineData(10, 4, null, null, new[] { "k2", "k3" }, 5, true, false)]
    [InlineData(2, 6, null, null, new string[0], 7, true, false)]
    [InlineData(null, null, 2, null, new[] { "k2", "k3" }, 5, true, false)]
    [InlineData(null, null, 2, 3, new[] { "k5", "k4" }, 1, true, true)]
    [InlineData(null, null, 5, 3, new[] { "k0", "k5", "k4" }, 0, false, true)]
    [InlineData(null, 1, null, 5, new[] { "k4", "k6", "k1" }, 2, true, true)]
    [InlineData(3, null, 1, null, new[] { "k4" }, 2, true, true)]
    [InlineData(0, null, null, null, new string[0], 0, false, true)]
    [InlineData(null, 1, 2, 3, new[] { "k4" }, 2, true, true)]
    public void Pages_follow_the_relay_algorithm(
        int? first, int? after, int? last, int? before, string[] expected, int start, bool hasPrevious, bool hasNext)
    {
        var page = Page(page: new PageRequest(first, after, last, before));

        Assert.Equal(expected, Ids(page));
        Assert.Equal(start, page.StartOffset);
        Assert.Equal(7, page.TotalCount);
        Assert.Equal(hasPrevious, page.HasPreviousPage);
        Assert.Equal(hasNext, page.HasNextPage);
    }

    [Fact]
    public void Total_count_is_the_size_of_the_filtered_list()
    {
        var page = Page(new NodeFilter { Name = new StringFilter { StartsWith = "j" } }, page: new PageRequest(First: 1));

        Assert.Equal(["k4"], Ids(page));
        Assert.Equal((2, false, true), (page.TotalCount, page.HasPreviousPage, page.HasNextPage));
    }

    [Fact]
    public void Only_nodes_of_the_asked_kind_are_listed()
    {
        var tools = NodeListing.Page(Graph(), new NodeQuery(NodeKind.Tool, null, [], new PageRequest()));

        Assert.Equal(["t1"], tools.Nodes.Select(n => n.Id));
        Assert.Empty(NodeListing.Page(Graph(), new NodeQuery(NodeKind.Category, null, [], new PageRequest())).Nodes);
    }

    [Theory]
    [InlineData(101, null, "first")]
    [InlineData(-1, null, "first")]
    [InlineData(null, 101, "last")]
    [InlineData(null, -1, "last")]
    public void Page_sizes_outside_zero_to_a_hundred_are_rejected(int? first, int? last, string argument)
    {
        var error = Assert.Throws<GraphInputException>(() => new PageRequest(First: first, Last: last).Validate());

        Assert.Equal(argument, error.Argument);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, 100)]
    [InlineData(null, null)]
    public void Page_sizes_from_zero_to_a_hundred_are_accepted(int? first, int? last)
    {
        new PageRequest(First: first, Last: last).Validate();
    }
}
