using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// What <see cref="CareerPaths.Find"/> does with what it is handed: missing arguments and indexes that are not roles
/// (caller bugs, named), nearest lists with entries it must ignore or must keep, and which roles it asks for their
/// nearest (each call is a similarity query, and they count against a budget). Expected paths and products by hand.
/// </summary>
public sealed class CareerPathsInputTests
{
    /// <summary>Roles a, b, c, t and a skill s; ids sort a, b, c, s, t, so a is index 0 and t the last index.</summary>
    private static GraphSnapshot Graph() => TestGraph.Create()
        .Nodes(NodeKind.Role, "a", "b", "c", "t")
        .Skill("s")
        .Requires("a", "s")
        .Build();

    private static readonly CareerPathOptions ForwardOnly = new(MinStepScore: 0.1, IntoTargetFromItsNearest: false);

    /// <summary>nearest(role, k): the role's rows as listed (indexes, not ids, so a row may point anywhere).</summary>
    private static Func<int, int, IReadOnlyList<(int Role, double Score)>> Nearest(
        GraphSnapshot graph, Dictionary<string, (int Role, double Score)[]> rows, List<string>? asked = null) =>
        (role, _) =>
        {
            asked?.Add(graph[role].Id);
            return rows.TryGetValue(graph[role].Id, out var list) ? list : [];
        };

    private static string Ids(CareerPath path) => string.Join(" ", path.Roles.Select(r => r.Id));

    [Fact]
    public void A_missing_argument_is_refused_by_name()
    {
        var graph = Graph();
        var nearest = Nearest(graph, []);
        int a = graph.IndexOf("a"), t = graph.IndexOf("t");

        Assert.Throws<ArgumentNullException>("graph", () => CareerPaths.Find(null!, nearest, a, t, 3, 3, ForwardOnly));
        Assert.Throws<ArgumentNullException>("nearest", () => CareerPaths.Find(graph, null!, a, t, 3, 3, CareerPathOptions.Default));
        Assert.Throws<ArgumentNullException>("options", () => CareerPaths.Find(graph, nearest, a, t, 3, 3, null!));
    }

    [Theory]
    [InlineData("-1", "t", "fromRole")]
    [InlineData("count", "t", "fromRole")]
    [InlineData("s", "t", "fromRole")]
    [InlineData("a", "-1", "toRole")]
    [InlineData("a", "count", "toRole")]
    public void An_index_that_is_not_a_role_of_the_snapshot_is_a_caller_bug_named_by_argument(string from, string to, string argument)
    {
        var graph = Graph();
        int Index(string name) => name switch
        {
            "-1" => -1,
            "count" => graph.NodeCount,
            _ => graph.IndexOf(name),
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(argument, () =>
            CareerPaths.Find(graph, Nearest(graph, []), Index(from), Index(to), 3, 3, ForwardOnly));

        Assert.StartsWith("Not the index of a role in this snapshot.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_outside_the_snapshot_or_not_roles_are_ignored()
    {
        // a lists -1, the node count, the skill s (which "lists" t) and b; b lists t. Only a b t is a path.
        var graph = Graph();
        var rows = new Dictionary<string, (int Role, double Score)[]>
        {
            ["a"] = [(-1, 0.9), (graph.NodeCount, 0.9), (graph.IndexOf("s"), 0.9), (graph.IndexOf("b"), 0.5)],
            ["b"] = [(graph.IndexOf("t"), 0.8)],
            ["s"] = [(graph.IndexOf("t"), 0.9)],
        };

        var paths = CareerPaths.Find(graph, Nearest(graph, rows), graph.IndexOf("a"), graph.IndexOf("t"), 3, 10, ForwardOnly);

        Assert.Equal(["a b t"], paths.Select(Ids));
        Assert.Equal(0.4, Assert.Single(paths).Score, 12);
    }

    [Fact]
    public void The_role_at_index_0_can_be_a_step()
    {
        var graph = Graph();
        Assert.Equal(0, graph.IndexOf("a"));
        var rows = new Dictionary<string, (int Role, double Score)[]>
        {
            ["b"] = [(graph.IndexOf("a"), 0.9), (graph.IndexOf("c"), 0.5)],
            ["c"] = [(graph.IndexOf("a"), 0.5)],
        };

        var paths = CareerPaths.Find(graph, Nearest(graph, rows), graph.IndexOf("b"), graph.IndexOf("a"), 3, 10, ForwardOnly);

        Assert.Equal(["b a", "b c a"], paths.Select(Ids)); // 0.9, 0.5 · 0.5
        Assert.Equal([0.9, 0.25], paths.Select(p => p.Score));
    }

    [Fact]
    public void A_step_scoring_exactly_the_minimum_is_taken()
    {
        var graph = Graph();
        var rows = new Dictionary<string, (int Role, double Score)[]>
        {
            ["a"] = [(graph.IndexOf("t"), 0.5), (graph.IndexOf("b"), 0.49)],
            ["b"] = [(graph.IndexOf("t"), 1.0)],
        };

        var paths = CareerPaths.Find(
            graph, Nearest(graph, rows), graph.IndexOf("a"), graph.IndexOf("t"), 3, 10, new CareerPathOptions(MinStepScore: 0.5, IntoTargetFromItsNearest: false));

        Assert.Equal(["a t"], paths.Select(Ids));
        Assert.Equal(0.5, paths[0].Score);
    }

    [Fact]
    public void From_a_role_to_itself_asks_no_role_for_its_nearest()
    {
        var graph = Graph();
        var asked = new List<string>();
        var rows = new Dictionary<string, (int Role, double Score)[]> { ["a"] = [(graph.IndexOf("b"), 0.9)] };

        var paths = CareerPaths.Find(graph, Nearest(graph, rows, asked), graph.IndexOf("a"), graph.IndexOf("a"), 3, 3, CareerPathOptions.Default);

        Assert.Equal(["a"], paths.Select(Ids));
        Assert.Empty(asked);
    }

    [Fact]
    public void A_path_found_does_not_spend_the_budget_on_the_targets_nearest()
    {
        // Forward steps only: a → t 0.9 directly, a → b 0.5 → t 0.5. With a budget of two roles, a and b are asked;
        // asking t (the end of the first path found) would spend the second and lose a b t.
        var graph = Graph();
        var asked = new List<string>();
        var rows = new Dictionary<string, (int Role, double Score)[]>
        {
            ["a"] = [(graph.IndexOf("t"), 0.9), (graph.IndexOf("b"), 0.5)],
            ["b"] = [(graph.IndexOf("t"), 0.5)],
            ["t"] = [(graph.IndexOf("c"), 0.9)],
        };

        var paths = CareerPaths.Find(
            graph, Nearest(graph, rows, asked), graph.IndexOf("a"), graph.IndexOf("t"), 3, 3, new CareerPathOptions(MinStepScore: 0.1, MaxExpandedRoles: 2, IntoTargetFromItsNearest: false));

        Assert.Equal(["a t", "a b t"], paths.Select(Ids));
        Assert.Equal([0.9, 0.25], paths.Select(p => p.Score));
        Assert.Equal(["a", "b"], asked);
    }
}
