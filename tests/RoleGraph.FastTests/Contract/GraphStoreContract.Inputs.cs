using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Contract;

/// <summary>Arguments the operations refuse: a <see cref="GraphInputException"/> naming the argument and the value.</summary>
public abstract partial class GraphStoreContract<TFixture>
{
    private static readonly string[] ElevenIds = Enumerable.Range(0, 11).Select(i => $"role-{i}").ToArray();

    internal static readonly Dictionary<string, (Func<IGraphStore, Task> Call, string Argument, object? Value)> BadInputs = new()
    {
        ["overlap of an unknown role"] = (st => st.Queries().OverlapAsync(new OverlapQuery([Mle, "no-such-role"]), Ct), "roleIds", "no-such-role"),
        ["overlap of a skill as a role"] = (st => st.Queries().OverlapAsync(new OverlapQuery([Mle, "python"]), Ct), "roleIds", "python"),
        ["overlap of one role"] = (st => st.Queries().OverlapAsync(new OverlapQuery([Mle]), Ct), "roleIds", "1 ids"),
        ["overlap of eleven roles"] = (st => st.Queries().OverlapAsync(new OverlapQuery(ElevenIds), Ct), "roleIds", "11 ids"),
        ["overlap naming a role twice"] = (st => st.Queries().OverlapAsync(new OverlapQuery([Mle, Ds, Mle]), Ct), "roleIds", null),
        ["overlap of kind ROLE"] = (st => st.Queries().OverlapAsync(new OverlapQuery([Mle, Ds], [NodeKind.Skill, NodeKind.Role]), Ct), "kinds", NodeKind.Role),
        ["overlap of kind CATEGORY"] = (st => st.Queries().OverlapAsync(new OverlapQuery([Mle, Ds], [NodeKind.Category]), Ct), "kinds", NodeKind.Category),
        ["paths from an unknown node"] = (st => st.Queries().ShortestPathsAsync(new PathQuery("no-such-node", Ds), Ct), "fromId", "no-such-node"),
        ["paths to an unknown node"] = (st => st.Queries().ShortestPathsAsync(new PathQuery(Mle, "no-such-node"), Ct), "toId", "no-such-node"),
        ["paths of at most 0 hops"] = (st => st.Queries().ShortestPathsAsync(new PathQuery(Mle, Ds, MaxHops: 0), Ct), "maxHops", 0),
        ["paths of at most 9 hops"] = (st => st.Queries().ShortestPathsAsync(new PathQuery(Mle, Ds, MaxHops: 9), Ct), "maxHops", 9),
        ["first 0 paths"] = (st => st.Queries().ShortestPathsAsync(new PathQuery(Mle, Ds, First: 0), Ct), "first", 0),
        ["first 101 paths"] = (st => st.Queries().ShortestPathsAsync(new PathQuery(Mle, Ds, First: 101), Ct), "first", 101),
        ["gap from an unknown role"] = (st => st.Queries().SkillGapAsync("no-such-role", Ds, Ct), "fromRoleId", "no-such-role"),
        ["gap to an unknown role"] = (st => st.Queries().SkillGapAsync(Mle, "no-such-role", Ct), "toRoleId", "no-such-role"),
        ["gap from a tool"] = (st => st.Queries().SkillGapAsync("tensorflow", Ds, Ct), "fromRoleId", "tensorflow"),
        ["gap to a category"] = (st => st.Queries().SkillGapAsync(Mle, "technology", Ct), "toRoleId", "technology"),
        ["roles similar to an unknown role"] = (st => st.Queries().SimilarRolesAsync("no-such-role", 10, Ct), "roleId", "no-such-role"),
        ["roles similar to a responsibility"] = (st => st.Queries().SimilarRolesAsync("communicate-findings", 10, Ct), "roleId", "communicate-findings"),
        ["first 0 similar roles"] = (st => st.Queries().SimilarRolesAsync(Mle, 0, Ct), "first", 0),
        ["first 101 similar roles"] = (st => st.Queries().SimilarRolesAsync(Mle, 101, Ct), "first", 101),
        ["search for empty text"] = (st => st.Queries().SearchAsync(new SearchQuery(""), Ct), "text", ""),
        ["search for blanks"] = (st => st.Queries().SearchAsync(new SearchQuery("   "), Ct), "text", "   "),
        ["first 0 hits"] = (st => st.Queries().SearchAsync(new SearchQuery("python", First: 0), Ct), "first", 0),
        ["first 101 hits"] = (st => st.Queries().SearchAsync(new SearchQuery("python", First: 101), Ct), "first", 101),
        ["first 101 nodes"] = (st => st.Queries().QueryNodesAsync(new NodeQuery(NodeKind.Skill, null, [], new PageRequest(First: 101)), Ct), "first", 101),
        ["first -1 nodes"] = (st => st.Queries().QueryNodesAsync(new NodeQuery(NodeKind.Skill, null, [], new PageRequest(First: -1)), Ct), "first", -1),
        ["last 101 nodes"] = (st => st.Queries().QueryNodesAsync(new NodeQuery(NodeKind.Skill, null, [], new PageRequest(Last: 101)), Ct), "last", 101),
        ["last -1 nodes"] = (st => st.Queries().QueryNodesAsync(new NodeQuery(NodeKind.Skill, null, [], new PageRequest(Last: -1)), Ct), "last", -1),
    };

    [Theory]
    [MemberData(nameof(ContractCases.BadInputCases), MemberType = typeof(ContractCases))]
    public async Task Bad_arguments_throw_GraphInputException_naming_the_argument(string input)
    {
        var s = await ReadAsync(ContractDataset.Seed);
        var (call, argument, value) = BadInputs[input];

        var expected = await Assert.ThrowsAsync<GraphInputException>(() => call(s.Reference));
        var actual = await Assert.ThrowsAsync<GraphInputException>(() => call(s.Store));

        Assert.Equal((argument, value), (expected.Argument, expected.Value));
        Assert.Equal((argument, value), (actual.Argument, actual.Value));
        Assert.Equal(expected.Message, actual.Message);
        Assert.Contains($"'{argument}'", actual.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(8, 100, 100)]
    public async Task Arguments_at_their_limits_are_accepted(int maxHops, int pathsFirst, int first)
    {
        var s = await ReadAsync(ContractDataset.Seed);

        Assert.Single(await s.Store.Queries().ShortestPathsAsync(new PathQuery(Mle, "python", maxHops, null, pathsFirst), Ct));
        Assert.Single(await s.Store.Queries().SimilarRolesAsync(Mle, first, Ct));
        Assert.Single(await s.Store.Queries().SearchAsync(new SearchQuery("python", null, first), Ct));
        Assert.Equal(Math.Min(first, 14), (await s.Store.Queries().QueryNodesAsync(new NodeQuery(NodeKind.Skill, null, [], new PageRequest(First: first)), Ct)).Nodes.Count);
        Assert.Equal(2, (await s.Store.Queries().OverlapAsync(new OverlapQuery([Mle, Ds]), Ct)).Roles.Count);
    }
}
