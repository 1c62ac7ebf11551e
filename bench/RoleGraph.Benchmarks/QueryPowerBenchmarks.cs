using BenchmarkDotNet.Attributes;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Services;
using RoleGraph.Core.Store;
using RoleGraph.Embedded;

namespace RoleGraph.Benchmarks;

/// <summary>
/// Issue 16's frontend queries, in process through the query service (what the GraphQL resolvers call) on the
/// embedded store: a list filtered by links, a facet over roles, and two pages of a node's links. On O*NET they are
/// the named queries; on a generated graph the same shapes over its two most required skills and most used tool.
/// </summary>
[MemoryDiagnoser]
public class QueryPowerBenchmarks
{
    private GraphQueryService _queries = null!;
    private NodeQuery _bothSkills = null!;
    private TopItemsQuery _engineerSkills = null!;
    private string[] _tool = null!;
    private LinkQuery _firstUsers = null!;
    private LinkQuery _nextUsers = null!;

    [ParamsSource(nameof(DatasetNames))]
    public string Dataset { get; set; } = "onet";

    public static IEnumerable<string> DatasetNames() => BenchSettings.Current.QueryPowerDatasets;

    [GlobalSetup]
    public void Setup()
    {
        EmbeddedGraphStore store;
        BenchDataset data;
        (data, store) = Stores.InMemory(Dataset);
        _queries = new GraphQueryService(store);
        var links = data.Document.Links;
        string MostLinked(RelationKind relation, int rank) => links.Where(l => l.Relation == relation)
            .GroupBy(l => l.ToId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ElementAt(rank).Key;
        var onet = data.Document.Nodes.Any(n => n.Id == "microsoft-excel");
        var (first, second) = onet ? ("programming", "mathematics") : (MostLinked(RelationKind.Requires, 0), MostLinked(RelationKind.Requires, 1));

        // roles(where: { and: [{ skills: { some: { id: { eq: A }, importance: { gte: 0.75 } } } }, ... B ...] }, order: [{ name: ASC }], first: 20)
        NodeFilter Requires(string skill) => new()
        {
            Links = [new RelationCondition(RelationKind.Requires, LinkDirection.Outgoing, null, new() { Some = new() { Id = new() { Eq = skill }, Importance = new() { Gte = 0.75 } } })],
        };
        _bothSkills = new NodeQuery(NodeKind.Role, new NodeFilter { And = [Requires(first), Requires(second)] }, [new NodeSort(NodeSortField.Name)], new PageRequest(First: 20));

        // topItems(where: { name: { contains: "engineer" } }, kinds: [SKILL], first: 10)
        _engineerSkills = new TopItemsQuery(Where: new NodeFilter { Name = new() { Contains = "engineer" } }, Kinds: [NodeKind.Skill], First: 10);

        // tool(id: T) { rolesConnection(first: 25) }, then (first: 25, after: the 25th)
        _tool = [onet ? "microsoft-excel" : MostLinked(RelationKind.Uses, 0)];
        _firstUsers = new LinkQuery(RelationKind.Uses, LinkDirection.Incoming, null, null, [], new PageRequest(First: 25));
        _nextUsers = _firstUsers with { Page = new PageRequest(First: 25, AfterOffset: 24) };
    }

    [Benchmark]
    public int RolesRequiringBoth() => _queries.QueryNodesAsync(_bothSkills, default).Result.TotalCount;

    [Benchmark]
    public int TopSkillsOfEngineers() => _queries.TopItemsAsync(_engineerSkills, default).Result.Items.Count;

    [Benchmark]
    public int ToolUsersFirstPage() => _queries.GetLinkPagesAsync(_tool, _firstUsers, default).Result[_tool[0]].Items.Count;

    [Benchmark]
    public int ToolUsersNextPage() => _queries.GetLinkPagesAsync(_tool, _nextUsers, default).Result[_tool[0]].Items.Count;
}
