using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Enums;

/// <summary>Sort direction, named as in Hot Chocolate's data conventions.</summary>
internal sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "Sort direction.";
        Add("ASC", false, "Ascending: A to Z.");
        Add("DESC", true, "Descending: Z to A.");
    }
}
