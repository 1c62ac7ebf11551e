using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// A link filter naming far nodes by id looks them up in the adjacency, which holds every link to one far node side by
/// side. Two categories that are each a subcategory of the other (nothing forbids the cycle) put two entries to the same
/// far node there, one each way: every one of them has to be looked at, not only the first.
/// </summary>
public sealed class LinkFilterByIdTests
{
    /// <summary>a and b each beneath the other; c beneath a; d on its own.</summary>
    private static GraphSnapshot Graph() => TestGraph.Create()
        .Category("a", "Alpha").Category("b", "Beta").Category("c", "Gamma").Category("d", "Delta")
        .SubcategoryOf("a", "b").SubcategoryOf("b", "a").SubcategoryOf("c", "a")
        .Build();

    private static string[] Categories(LinkDirection direction, params string[] farIds)
    {
        var condition = new RelationCondition(RelationKind.SubcategoryOf, direction, null, new RelationFilter { Some = new LinkFilter { Id = new StringFilter { In = farIds } } });
        var page = NodeListing.Page(Graph(), new NodeQuery(NodeKind.Category, new NodeFilter { Links = [condition] }, [new NodeSort(NodeSortField.Id)], new PageRequest()));
        return page.Nodes.Select(n => n.Id).ToArray();
    }

    [Fact]
    public void A_category_in_a_two_category_cycle_is_beneath_the_other_and_above_it()
    {
        Assert.Equal(["a"], Categories(LinkDirection.Outgoing, "b"));
        Assert.Equal(["a"], Categories(LinkDirection.Incoming, "b"));
        Assert.Equal(["b", "c"], Categories(LinkDirection.Outgoing, "a"));
        Assert.Equal(["b"], Categories(LinkDirection.Incoming, "a"));
    }

    [Fact]
    public void Naming_a_far_node_with_no_link_of_the_direction_asked_finds_nothing()
    {
        Assert.Empty(Categories(LinkDirection.Outgoing, "c"));
        Assert.Empty(Categories(LinkDirection.Incoming, "d"));
        Assert.Equal(["a"], Categories(LinkDirection.Incoming, "c"));
        Assert.Equal(["b", "c"], Categories(LinkDirection.Outgoing, "a", "d"));
    }
}
