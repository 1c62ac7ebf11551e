using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Services;
using RoleGraph.Core.Store;
using RoleGraph.Embedded;

namespace RoleGraph.Benchmarks;

/// <summary>
/// The read operations of the API, in process, through the embedded store (what the GraphQL resolvers call), on
/// each dataset. The store holds the dataset in memory, imported through the same path as any import.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private EmbeddedGraphStore _store = null!;
    private GraphQueryService _queries = null!;
    private BenchDataset _data = null!;
    private string[] _one = null!;
    private OverlapQuery _overlap2 = null!;
    private OverlapQuery _overlap5 = null!;
    private PathQuery _path = null!;
    private SearchQuery _search = null!;
    private NodeQuery _page = null!;

    [ParamsSource(nameof(DatasetNames))]
    public string Dataset { get; set; } = "seed";

    public static IEnumerable<string> DatasetNames() => BenchSettings.Current.QueryDatasets;

    [GlobalSetup]
    public void Setup()
    {
        (_data, _store) = Stores.InMemory(Dataset);
        _queries = new GraphQueryService(_store);
        _one = [_data.Roles[0]];
        _overlap2 = new OverlapQuery(_data.Roles.Take(2).ToArray());
        _overlap5 = new OverlapQuery(_data.Roles.Take(5).ToArray());
        _path = new PathQuery(_data.Roles[0], _data.Roles[1]);
        _search = new SearchQuery(_data.SearchText);
        _page = new NodeQuery(NodeKind.Role, null, [], new PageRequest(First: 20));
    }

    /// <summary>role(id) { skills { skill importance } }: the node, then its REQUIRES links ordered by importance.</summary>
    [Benchmark]
    public int RoleWithSkills()
    {
        var nodes = _store.GetNodesAsync(_one, default).Result;
        var linked = _queries.GetLinkedAsync(_one, RelationKind.Requires, LinkDirection.Outgoing, default).Result;
        return nodes.Count + linked[_one[0]].Count;
    }

    [Benchmark]
    public double Overlap2() => _queries.OverlapAsync(_overlap2, default).Result.Jaccard;

    [Benchmark]
    public double Overlap5() => _queries.OverlapAsync(_overlap5, default).Result.Jaccard;

    [Benchmark]
    public int ShortestPaths() => _queries.ShortestPathsAsync(_path, default).Result.Count;

    [Benchmark]
    public double SkillGap() => _queries.SkillGapAsync(_data.Roles[0], _data.Roles[1], default).Result.Coverage;

    /// <summary>similarRoles(first: 10): every role sharing a skill or tool is scored, the best ten returned.</summary>
    [Benchmark]
    public int SimilarRoles() => _queries.SimilarRolesAsync(_data.Roles[0], 10, default).Result.Count;

    [Benchmark]
    public int Search() => _queries.SearchAsync(_search, default).Result.Count;

    /// <summary>roles(first: 20): the first page of roles in name order.</summary>
    [Benchmark]
    public int RolesPage() => _queries.QueryNodesAsync(_page, default).Result.TotalCount;
}

/// <summary>Embedded stores holding a dataset, made once per dataset and process.</summary>
public static class Stores
{
    private static readonly Dictionary<string, EmbeddedGraphStore> Cache = new(StringComparer.Ordinal);

    public static (BenchDataset Data, EmbeddedGraphStore Store) InMemory(string dataset)
    {
        var data = Datasets.Get(dataset);
        lock (Cache)
        {
            if (!Cache.TryGetValue(dataset, out var store))
            {
                store = new EmbeddedGraphStore(null, NullLogger<EmbeddedGraphStore>.Instance);
                store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
                store.ApplyAsync(GraphEdit.Import(data.Document, ImportMode.Replace), dryRun: false, CancellationToken.None).GetAwaiter().GetResult();
                Cache[dataset] = store;
            }

            return (data, store);
        }
    }
}
