using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.QueryPower;

/// <summary>One ordering key of a node's links; a list of them orders by each in turn, then by name and id.</summary>
internal sealed class LinkSortInputType : InputObjectGraphType<IReadOnlyList<LinkSort>>
{
    public LinkSortInputType()
    {
        Name = "LinkSortInput";
        Description = "Orders a node's links; give one field per list element. Ties end by the far node's name, then id.";
        Field<SortEnumType>("importance").Description("Order by the link's importance (1 where absent).");
        Field<SortEnumType>("level").Description("Order by the link's level; links without one come last ascending, first descending.");
        Field<SortEnumType>("name").Description("Order by the far node's name, case-insensitively.");
        Field<SortEnumType>("id").Description("Order by the far node's id.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        value.Where(kv => kv.Value is bool)
            .Select(kv => new LinkSort(
                kv.Key switch
                {
                    "importance" => LinkSortField.Importance,
                    "level" => LinkSortField.Level,
                    "name" => LinkSortField.Name,
                    _ => LinkSortField.Id,
                },
                Descending: (bool)kv.Value!))
            .ToArray();
}
