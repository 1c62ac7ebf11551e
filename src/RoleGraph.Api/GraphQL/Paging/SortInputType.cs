using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.Paging;

/// <summary>One ordering key; a list of them orders by each in turn, then by ascending id.</summary>
internal sealed class SortInputType<TNodeType> : InputObjectGraphType<IReadOnlyList<NodeSort>>
    where TNodeType : NodeGraphType, IListedNodeType
{
    public SortInputType()
    {
        Name = $"{TNodeType.TypeName}SortInput";
        Description = $"Orders {TNodeType.ListName.ToLowerInvariant()}; give one field per list element. Names compare case-insensitively.";
        Field<SortEnumType>("id").Description("Order by id.");
        Field<SortEnumType>("name").Description("Order by name.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        value.Where(kv => kv.Value is bool)
            .Select(kv => new NodeSort(kv.Key == "id" ? NodeSortField.Id : NodeSortField.Name, Descending: (bool)kv.Value!))
            .ToArray();
}
