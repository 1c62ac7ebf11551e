using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// Length limits: the same on every store (NodeRules), so what one store accepts the other stores too. Neo4j cannot
/// index an arbitrarily long value (a range-index key about 8 KB, a text-index value 32,766 UTF-8 bytes), so
/// without the limits a write the embedded store took failed on Neo4j.
/// </summary>
public abstract partial class GraphStoreContract<TFixture>
{
    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task Texts_over_their_limits_are_refused_naming_the_field_and_the_limit_and_change_nothing()
    {
        var s = await WriteAsync(ContractDataset.Seed);
        var before = await s.Store.GetRevisionAsync(Ct);

        // 9,000 characters of Chinese are 27,000 UTF-8 bytes: over what a range index keys, under a text index's limit.
        var longName = new string('技', 9_000);
        var edit = new GraphEdit
        {
            UpsertNodes =
            [
                NewNode("long-name", NodeKind.Skill, longName),
                NewNode(new string('a', NodeRules.MaxIdLength + 1), NodeKind.Skill, "Long id"),
                NewNode("long-alias", NodeKind.Skill, "Long alias", aliases: ["ok", new string('x', NodeRules.MaxAliasLength + 1)]),
                NewNode("long-description", NodeKind.Skill, "Long description", description: new string('d', NodeRules.MaxDescriptionLength + 1)),
                NewNode("long-property", NodeKind.Skill, "Long property", properties: new() { ["note"] = new string('p', NodeRules.MaxPropertyValueLength + 1) }),
            ],
        };

        var refused = await RefuseBothAsync(s, edit);

        Assert.All(refused.Problems, p => Assert.Equal(GraphEditProblem.BadInput, p.Code));
        Assert.Equal(
            [
                "nodes[0].name: The name is 9000 characters long; at most 1000 are allowed.",
                $"nodes[1].id: The id is {NodeRules.MaxIdLength + 1} characters long; at most 200 are allowed.",
                $"nodes[2].aliases[1]: The alias is {NodeRules.MaxAliasLength + 1} characters long; at most 1000 are allowed.",
                $"nodes[3].description: The description is {NodeRules.MaxDescriptionLength + 1} characters long; at most {NodeRules.MaxDescriptionLength} are allowed.",
                $"nodes[4].properties.note: The property value is {NodeRules.MaxPropertyValueLength + 1} characters long; at most 20000 are allowed.",
            ],
            refused.Problems.Select(p => $"{p.Path}: {p.Message}"));
        Assert.Equal(before, await s.Store.GetRevisionAsync(Ct));
        Assert.Empty(await s.Store.GetNodesAsync(["long-name", "long-alias", "long-description", "long-property"], Ct));
    }

    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task Texts_at_their_limits_and_thousands_of_aliases_are_stored_and_found_by_every_alias()
    {
        var s = await WriteAsync(ContractDataset.Seed);

        // Like O*NET's most-titled role (2,751 alternate titles): together far more than one text-index value holds.
        var aliases = Enumerable.Range(0, 3_000).Select(i => $"Alternate title number {i:D4} of the role").ToArray();
        var atLimits = NewNode(
            new string('z', NodeRules.MaxIdLength),
            NodeKind.Role,
            new string('名', NodeRules.MaxNameLength),
            new string('d', NodeRules.MaxDescriptionLength),
            [.. aliases, new string('a', NodeRules.MaxAliasLength)],
            new() { [new string('k', NodeRules.MaxPropertyKeyLength)] = new string('v', NodeRules.MaxPropertyValueLength) });

        await ApplyBothAsync(s, new GraphEdit { UpsertNodes = [atLimits] });

        await AssertSameGraphAsync(s, "after storing a node at the limits");
        Assert.Equal(Show.Node(atLimits), Show.Node((await s.Store.GetNodesAsync([atLimits.Id], Ct))[atLimits.Id]));
        foreach (var text in new[] { "number 0000", "number 2999", new string('a', 40) })
        {
            var hit = Assert.Single(await s.Store.Queries().SearchAsync(new SearchQuery(text, [NodeKind.Role]), Ct));
            Assert.Equal(atLimits.Id, hit.Node.Id);
        }
    }
}
