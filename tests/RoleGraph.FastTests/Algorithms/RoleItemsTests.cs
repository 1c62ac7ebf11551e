using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Algorithms;

/// <summary>The relation a role reaches each comparable kind through, and the kinds it reaches none of.</summary>
public sealed class RoleItemsTests
{
    [Theory]
    [InlineData(NodeKind.Skill, RelationKind.Requires)]
    [InlineData(NodeKind.Tool, RelationKind.Uses)]
    [InlineData(NodeKind.Responsibility, RelationKind.ResponsibleFor)]
    public void Each_item_kind_has_its_relation(NodeKind kind, RelationKind relation) =>
        Assert.Equal(relation, RoleItems.RelationFor(kind));

    [Theory]
    [InlineData(NodeKind.Role)]
    [InlineData(NodeKind.Category)]
    public void A_kind_roles_do_not_hold_is_refused_with_the_reason(NodeKind notHeld)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("kind", () => RoleItems.RelationFor(notHeld));

        Assert.StartsWith("Roles link to skills, tools and responsibilities only.", error.Message, StringComparison.Ordinal);
        Assert.Equal(notHeld, error.ActualValue);
    }
}
