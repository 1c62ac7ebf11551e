using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Embedded;
using RoleGraph.Tests.Algorithms;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Embedded;

/// <summary>Arguments the analytical operations refuse, each as a <see cref="GraphInputException"/> naming the argument.</summary>
public sealed class EmbeddedStoreInputTests : IAsyncLifetime
{
    private static readonly string[] Roles = Enumerable.Range(1, 11).Select(i => $"r{i}").ToArray();

    private readonly EmbeddedGraphStore _store = new(null, NullLogger<EmbeddedGraphStore>.Instance);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var graph = TestGraph.Create().Skill("s").Tool("t").Responsibility("p").Category("c");
        foreach (var role in Roles)
        {
            graph.Role(role).Requires(role, "s").Uses(role, "t");
        }

        await _store.InitializeAsync(_ct);
        await _store.ApplyAsync(GraphEdit.Import(graph.Document(), ImportMode.Replace), dryRun: false, _ct);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task Call(string operation, string id) => operation switch
    {
        "overlap" => _store.Queries().OverlapAsync(new OverlapQuery(["r1", id]), _ct),
        "pathFrom" => _store.Queries().ShortestPathsAsync(new PathQuery(id, "s"), _ct),
        "pathTo" => _store.Queries().ShortestPathsAsync(new PathQuery("s", id), _ct),
        "gapFrom" => _store.Queries().SkillGapAsync(id, "r1", _ct),
        "gapTo" => _store.Queries().SkillGapAsync("r1", id, _ct),
        "similar" => _store.Queries().SimilarRolesAsync(id, 10, _ct),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    [Theory]
    [InlineData("overlap", "roleIds")]
    [InlineData("pathFrom", "fromId")]
    [InlineData("pathTo", "toId")]
    [InlineData("gapFrom", "fromRoleId")]
    [InlineData("gapTo", "toRoleId")]
    [InlineData("similar", "roleId")]
    public async Task An_unknown_id_names_the_argument_and_the_id(string operation, string argument)
    {
        var error = await Assert.ThrowsAsync<GraphInputException>(() => Call(operation, "no-such-node"));

        Assert.Equal(argument, error.Argument);
        Assert.Equal("no-such-node", error.Value);
        Assert.Contains("'no-such-node'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{argument}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("overlap", "roleIds", "s", "Skill")]
    [InlineData("overlap", "roleIds", "t", "Tool")]
    [InlineData("gapFrom", "fromRoleId", "s", "Skill")]
    [InlineData("gapTo", "toRoleId", "p", "Responsibility")]
    [InlineData("similar", "roleId", "c", "Category")]
    public async Task A_node_that_is_not_a_role_is_refused_where_a_role_is_needed(string operation, string argument, string id, string kind)
    {
        var error = await Assert.ThrowsAsync<GraphInputException>(() => Call(operation, id));

        Assert.Equal(argument, error.Argument);
        Assert.Equal(id, error.Value);
        Assert.Contains(kind, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_may_start_and_end_at_any_kind_of_node()
    {
        var paths = await _store.Queries().ShortestPathsAsync(new PathQuery("s", "t", First: 100), _ct);

        Assert.Equal(11, paths.Count);
        Assert.All(paths, p => Assert.Equal(2, p.Length));
    }

    [Theory]
    [InlineData(0, 10, "maxHops")]
    [InlineData(9, 10, "maxHops")]
    [InlineData(4, 0, "first")]
    [InlineData(4, 101, "first")]
    public async Task Path_arguments_out_of_range_are_refused(int maxHops, int first, string argument)
    {
        var error = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().ShortestPathsAsync(new PathQuery("r1", "r2", maxHops, null, first), _ct));

        Assert.Equal(argument, error.Argument);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 100)]
    public async Task Path_arguments_at_the_limits_are_accepted(int maxHops, int first)
    {
        var paths = await _store.Queries().ShortestPathsAsync(new PathQuery("r1", "s", maxHops, null, first), _ct);

        Assert.Equal(1, Assert.Single(paths).Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public async Task Overlap_of_fewer_than_two_or_more_than_ten_roles_is_refused(int count)
    {
        var error = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().OverlapAsync(new OverlapQuery(Roles[..count]), _ct));

        Assert.Equal("roleIds", error.Argument);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public async Task Overlap_of_two_to_ten_roles_is_answered(int count)
    {
        var result = await _store.Queries().OverlapAsync(new OverlapQuery(Roles[..count]), _ct);

        Assert.Equal(count, result.Roles.Count);
        Assert.Equal(1.0, result.Jaccard);
    }

    [Fact]
    public async Task Overlap_naming_a_role_twice_is_refused()
    {
        var error = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().OverlapAsync(new OverlapQuery(["r1", "r2", "r1"]), _ct));

        Assert.Equal("roleIds", error.Argument);
    }

    [Theory]
    [InlineData(NodeKind.Role)]
    [InlineData(NodeKind.Category)]
    public async Task Overlap_kinds_other_than_skill_tool_and_responsibility_are_refused(NodeKind kind)
    {
        var error = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().OverlapAsync(new OverlapQuery(["r1", "r2"], [NodeKind.Skill, kind]), _ct));

        Assert.Equal("kinds", error.Argument);
        Assert.Equal(kind, error.Value);
    }

    [Fact]
    public async Task Overlap_kinds_come_back_in_a_fixed_order()
    {
        var result = await _store.Queries().OverlapAsync(new OverlapQuery(["r1", "r2"], [NodeKind.Responsibility, NodeKind.Skill]), _ct);

        Assert.Equal([NodeKind.Skill, NodeKind.Responsibility], result.Kinds);
        Assert.Empty(result.Tools);
        Assert.Equal(["s"], result.Skills.Select(n => n.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Similar_roles_first_out_of_range_is_refused(int first)
    {
        var error = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().SimilarRolesAsync("r1", first, _ct));

        Assert.Equal("first", error.Argument);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 10)]
    public async Task Similar_roles_first_at_the_limits_is_accepted(int first, int expected)
    {
        Assert.Equal(expected, (await _store.Queries().SimilarRolesAsync("r1", first, _ct)).Count);
    }

    [Theory]
    [InlineData(101, null, "first")]
    [InlineData(-1, null, "first")]
    [InlineData(null, 101, "last")]
    public async Task Node_pages_larger_than_a_hundred_or_negative_are_refused(int? first, int? last, string argument)
    {
        var query = new NodeQuery(NodeKind.Role, null, [], new PageRequest(First: first, Last: last));

        var error = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().QueryNodesAsync(query, _ct));

        Assert.Equal(argument, error.Argument);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Search_text_must_not_be_blank(string text)
    {
        var error = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().SearchAsync(new SearchQuery(text), _ct));

        Assert.Equal("text", error.Argument);
    }
}
