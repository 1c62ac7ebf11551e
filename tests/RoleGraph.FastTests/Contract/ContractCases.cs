using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Tests.Contract;

/// <summary>The theory data of <see cref="GraphStoreContract{TFixture}"/>: its case tables' names, with the datasets they run on.</summary>
public static class ContractCases
{
    public static TheoryData<ContractDataset, RelationKind, LinkDirection> EveryRelationBothWays()
    {
        var data = new TheoryData<ContractDataset, RelationKind, LinkDirection>();
        foreach (var dataset in Enum.GetValues<ContractDataset>())
        {
            foreach (var relation in Enum.GetValues<RelationKind>())
            {
                foreach (var direction in Enum.GetValues<LinkDirection>())
                {
                    data.Add(dataset, relation, direction);
                }
            }
        }

        return data;
    }

    public static TheoryData<ContractDataset, NodeKind> EveryKind()
    {
        var data = new TheoryData<ContractDataset, NodeKind>();
        foreach (var dataset in Enum.GetValues<ContractDataset>())
        {
            foreach (var kind in Enum.GetValues<NodeKind>())
            {
                data.Add(dataset, kind);
            }
        }

        return data;
    }

    public static TheoryData<ContractDataset, string> FilterCases() => BothDatasets(GraphStoreContract<ContractStoreFixture>.Filters.Keys);

    public static TheoryData<ContractDataset, string> LinkFilterCases() => BothDatasets(GraphStoreContract<ContractStoreFixture>.LinkFilters.Keys);

    public static TheoryData<ContractDataset, string> FacetCases() => BothDatasets(GraphStoreContract<ContractStoreFixture>.Facets.Keys);

    public static TheoryData<ContractDataset, string> OrderCases() => BothDatasets(GraphStoreContract<ContractStoreFixture>.Orders.Keys);

    public static TheoryData<string> WindowCases() => new(GraphStoreContract<ContractStoreFixture>.Windows.Keys);

    public static TheoryData<ContractDataset, string> SearchCases() => BothDatasets(GraphStoreContract<ContractStoreFixture>.Searches.Keys);

    public static TheoryData<ContractDataset, string> OverlapCases() =>
        EachDataset(GraphStoreContract<ContractStoreFixture>.SeedOverlaps.Keys, GraphStoreContract<ContractStoreFixture>.GeneratedOverlaps.Keys);

    public static TheoryData<ContractDataset, string> PathCases() =>
        EachDataset(GraphStoreContract<ContractStoreFixture>.SeedPaths.Keys, GraphStoreContract<ContractStoreFixture>.GeneratedPaths.Keys);

    public static TheoryData<string> BadInputCases() => new(GraphStoreContract<ContractStoreFixture>.BadInputs.Keys);

    public static TheoryData<string> DryRunCases() => new(GraphStoreContract<ContractStoreFixture>.DryRuns.Keys);

    public static TheoryData<string, bool> InvalidEditCases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in GraphStoreContract<ContractStoreFixture>.InvalidEdits.Keys)
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    private static TheoryData<ContractDataset, string> BothDatasets(IEnumerable<string> names)
    {
        var data = new TheoryData<ContractDataset, string>();
        foreach (var dataset in Enum.GetValues<ContractDataset>())
        {
            foreach (var name in names)
            {
                data.Add(dataset, name);
            }
        }

        return data;
    }

    private static TheoryData<ContractDataset, string> EachDataset(IEnumerable<string> seed, IEnumerable<string> generated)
    {
        var data = new TheoryData<ContractDataset, string>();
        foreach (var name in seed)
        {
            data.Add(ContractDataset.Seed, name);
        }

        foreach (var name in generated)
        {
            data.Add(ContractDataset.Generated, name);
        }

        return data;
    }
}
