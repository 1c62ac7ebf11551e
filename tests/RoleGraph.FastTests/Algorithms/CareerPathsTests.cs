using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// Career paths over a hand-written similarity table (nearest(role, k) = the first k rows of the role's list, by
/// score), so that every expected product can be worked out by hand. Most tests step only forwards (each role's own
/// nearest); the last ones cover the default, which also steps into the target from the target's nearest.
/// </summary>
public sealed class CareerPathsTests
{
    /// <summary>
    /// a → b 0.9, c 0.6, d 0.3; b → a 0.9, c 0.8, e 0.5; c → a 0.6, e 0.9; d → e 0.95; e → nothing.
    /// Skills: a s1; b s1 s2; c s2 s3; d s3; e s3 s4 (gaps along a → b → c → e: s2, s3, s4).
    /// </summary>
    private static readonly Dictionary<string, (string Role, double Score)[]> Table = new()
    {
        ["a"] = [("b", 0.9), ("c", 0.6), ("d", 0.3)],
        ["b"] = [("a", 0.9), ("c", 0.8), ("e", 0.5)],
        ["c"] = [("e", 0.9), ("a", 0.6)],
        ["d"] = [("e", 0.95)],
    };

    private static GraphSnapshot Roles() => TestGraph.Create()
        .Nodes(NodeKind.Role, "a", "b", "c", "d", "e", "f", "g", "h", "t")
        .Nodes(NodeKind.Skill, "s1", "s2", "s3", "s4")
        .Requires("a", "s1")
        .Requires("b", "s1").Requires("b", "s2")
        .Requires("c", "s2").Requires("c", "s3")
        .Requires("d", "s3")
        .Requires("e", "s3", 0.5).Requires("e", "s4")
        .Build();

    private static Func<int, int, IReadOnlyList<(int Role, double Score)>> Nearest(GraphSnapshot graph, Dictionary<string, (string Role, double Score)[]> table, List<string>? asked = null) =>
        (role, k) =>
        {
            asked?.Add(graph[role].Id);
            return table.TryGetValue(graph[role].Id, out var rows)
                ? rows.OrderByDescending(r => r.Score).Take(k).Select(r => (graph.IndexOf(r.Role), r.Score)).ToArray()
                : [];
        };

    private static IReadOnlyList<CareerPath> Find(
        string from, string to, int maxSteps = 3, int first = 10, CareerPathOptions? options = null, Dictionary<string, (string Role, double Score)[]>? table = null, List<string>? asked = null)
    {
        var graph = Roles();
        return CareerPaths.Find(graph, Nearest(graph, table ?? Table, asked), graph.IndexOf(from), graph.IndexOf(to), maxSteps, first, options ?? new CareerPathOptions(MinStepScore: 0.1, IntoTargetFromItsNearest: false));
    }

    private static string Ids(CareerPath path) => string.Join(" ", path.Roles.Select(r => r.Id));

    [Fact]
    public void Paths_are_ranked_by_the_product_of_their_step_scores()
    {
        var paths = Find("a", "e");

        // a b c e 0.9·0.8·0.9 = 0.648; a c e 0.6·0.9 = 0.54; a b e 0.9·0.5 = 0.45; a d e 0.3·0.95 = 0.285
        Assert.Equal(["a b c e", "a c e", "a b e", "a d e"], paths.Select(Ids));
        Assert.Equal([0.648, 0.54, 0.45, 0.285], paths.Select(p => p.Score));
        Assert.Equal([0.9, 0.8, 0.9], paths[0].Steps.Select(s => s.Score));
    }

    [Theory]
    [InlineData(1, new string[0])]
    [InlineData(2, new[] { "a c e", "a b e", "a d e" })]
    [InlineData(5, new[] { "a b c e", "a c e", "a b e", "a d e" })]
    public void Max_steps_bounds_the_length(int maxSteps, string[] expected)
    {
        Assert.Equal(expected, Find("a", "e", maxSteps).Select(Ids));
    }

    [Fact]
    public void First_keeps_the_best()
    {
        Assert.Equal(["a b c e", "a c e"], Find("a", "e", first: 2).Select(Ids));
    }

    [Fact]
    public void A_direct_step_is_a_path_when_the_target_is_among_the_nearest()
    {
        // a c directly 0.6, a b c 0.9·0.8 = 0.72.
        var paths = Find("a", "c");

        Assert.Equal(["a b c", "a c"], paths.Select(Ids));
        Assert.Equal([0.72, 0.6], paths.Select(p => p.Score));
    }

    [Fact]
    public void No_path_visits_a_role_twice()
    {
        // b and c both lead back to a (b at 0.9): with five steps allowed, walks such as a b a c exist, paths do not.
        var paths = Find("a", "c", maxSteps: 5);

        Assert.Equal(["a b c", "a c"], paths.Select(Ids));
        Assert.All(paths, p => Assert.Equal(p.Roles.Count, p.Roles.Distinct().Count()));
    }

    [Fact]
    public void A_cheaper_cycle_does_not_hide_a_path()
    {
        // f → g 1.0; g → f 1.0, h 0.5: the cheapest walks circle f g f g ..., the only path is f g h at 0.5.
        var table = new Dictionary<string, (string Role, double Score)[]>
        {
            ["f"] = [("g", 1.0)],
            ["g"] = [("f", 1.0), ("h", 0.5)],
        };

        var path = Assert.Single(Find("f", "h", maxSteps: 5, table: table));

        Assert.Equal("f g h", Ids(path));
        Assert.Equal(0.5, path.Score);
    }

    [Fact]
    public void Each_step_carries_its_skill_gap()
    {
        var path = Find("a", "e", first: 1)[0];

        Assert.Equal(["a→b", "b→c", "c→e"], path.Steps.Select(s => $"{s.From.Id}→{s.To.Id}"));
        Assert.All(path.Steps, s => Assert.Equal((s.From, s.To), (s.Gap.From, s.Gap.To)));
        Assert.Equal(["s2", "s3", "s4"], path.Steps.Select(s => Assert.Single(s.Gap.Missing).Node.Id));
        Assert.Equal(["s1", "s2", "s3"], path.Steps.Select(s => Assert.Single(s.Gap.CarriesOver).Node.Id));
        // b's s1 and s2 weigh 1 each, a has s1: 0.5; likewise b to c; e's s3 weighs 0.5 and s4 1, c has s3: 0.5 / 1.5.
        Assert.Equal(0.5, path.Steps[0].Gap.Coverage, 12);
        Assert.Equal(0.5, path.Steps[1].Gap.Coverage, 12);
        Assert.Equal(0.333333333, path.Steps[2].Gap.Coverage, 9);
    }

    [Fact]
    public void Unreachable_targets_give_no_path()
    {
        Assert.Empty(Find("e", "a")); // e has no nearest roles
        Assert.Empty(Find("a", "t")); // nobody's nearest
        Assert.Empty(Find("d", "a")); // d → e, and e leads nowhere
    }

    [Fact]
    public void From_a_role_to_itself_is_one_path_of_no_steps_scoring_1()
    {
        var asked = new List<string>();
        var path = Assert.Single(Find("a", "a", asked: asked));

        Assert.Equal("a", Ids(path));
        Assert.Empty(path.Steps);
        Assert.Equal(1, path.Score);
        Assert.Empty(asked);
    }

    [Fact]
    public void Steps_below_the_minimum_score_or_beyond_the_k_nearest_are_not_taken()
    {
        Assert.Equal(["a b c e", "a c e", "a b e"], Find("a", "e", options: new CareerPathOptions(MinStepScore: 0.4, IntoTargetFromItsNearest: false)).Select(Ids));
        // k = 2: a's nearest are b and c, b's are a and c.
        Assert.Equal(["a b c e", "a c e"], Find("a", "e", options: new CareerPathOptions(Neighbors: 2, MinStepScore: 0.1, IntoTargetFromItsNearest: false)).Select(Ids));
    }

    [Fact]
    public void Equal_products_are_ordered_by_role_ids()
    {
        // f → h 0.5 and g 0.5 (listed h first); both reach t at 0.8: 0.4 each.
        var table = new Dictionary<string, (string Role, double Score)[]>
        {
            ["f"] = [("h", 0.5), ("g", 0.5)],
            ["g"] = [("t", 0.8)],
            ["h"] = [("t", 0.8)],
        };

        var paths = Find("f", "t", table: table);

        Assert.Equal(["f g t", "f h t"], paths.Select(Ids));
        Assert.Equal(paths[0].Score, paths[1].Score);
    }

    [Fact]
    public void The_nearest_lists_self_duplicates_and_scores_above_1_are_cleaned()
    {
        // f lists itself, g twice (0.3 and 0.6) and h at 1.2 (counts as 1).
        var table = new Dictionary<string, (string Role, double Score)[]>
        {
            ["f"] = [("f", 1.0), ("g", 0.3), ("g", 0.6), ("h", 1.2)],
            ["g"] = [("t", 0.5)],
            ["h"] = [("t", 0.5)],
        };

        var paths = Find("f", "t", table: table);

        Assert.Equal(["f h t", "f g t"], paths.Select(Ids));
        Assert.Equal([0.5, 0.3], paths.Select(p => p.Score));
        Assert.Equal(1, paths[0].Steps[0].Score);
    }

    [Fact]
    public void The_search_asks_each_role_for_its_nearest_once_and_stops_at_the_budget()
    {
        var asked = new List<string>();
        Find("a", "e", maxSteps: 5, asked: asked);
        Assert.Equal(asked.Distinct(), asked);

        // Only a may be asked: the direct steps are all there is, and a → e is not one.
        Assert.Equal(["a c"], Find("a", "c", options: new CareerPathOptions(MinStepScore: 0.1, MaxExpandedRoles: 1, IntoTargetFromItsNearest: false)).Select(Ids));
        Assert.Empty(Find("a", "e", options: new CareerPathOptions(MinStepScore: 0.1, MaxExpandedRoles: 1, IntoTargetFromItsNearest: false)));
    }

    [Fact]
    public void By_default_the_last_step_may_come_from_the_targets_own_nearest()
    {
        // Into c, besides a b c 0.72 and a c 0.6: c lists e at 0.9, so a b e c 0.9·0.5·0.9 = 0.405 and
        // a d e c 0.3·0.95·0.9 = 0.2565; c also lists a at 0.6, the score a gives c.
        var paths = Find("a", "c", options: new CareerPathOptions(MinStepScore: 0.1));

        Assert.Equal(["a b c", "a c", "a b e c", "a d e c"], paths.Select(Ids));
        Assert.Equal([0.72, 0.6, 0.405, 0.2565], paths.Select(p => p.Score));
        Assert.Equal([0.9, 0.5, 0.9], paths[2].Steps.Select(s => s.Score));
    }

    [Fact]
    public void A_target_nobody_lists_is_reached_through_its_own_list_with_the_higher_score()
    {
        // g lists t at 0.5, t lists g at 0.7 and h at 0.6; nobody lists h's way to t, h lists nothing.
        var table = new Dictionary<string, (string Role, double Score)[]>
        {
            ["f"] = [("g", 0.8), ("h", 0.8)],
            ["g"] = [("t", 0.5)],
            ["t"] = [("g", 0.7), ("h", 0.6)],
        };

        var forwardOnly = Find("f", "t", table: table);
        var paths = Find("f", "t", table: table, options: new CareerPathOptions(MinStepScore: 0.1));

        Assert.Equal(["f g t"], forwardOnly.Select(Ids));
        Assert.Equal([0.4], forwardOnly.Select(p => p.Score));
        Assert.Equal(["f g t", "f h t"], paths.Select(Ids)); // 0.8·0.7 = 0.56, 0.8·0.6 = 0.48
        Assert.Equal([0.56, 0.48], paths.Select(p => p.Score));
        Assert.Equal(0.7, paths[0].Steps[1].Score);
    }

    [Fact]
    public void The_targets_call_counts_against_the_budget()
    {
        var asked = new List<string>();

        Assert.Empty(Find("a", "c", options: new CareerPathOptions(MinStepScore: 0.1, MaxExpandedRoles: 1), asked: asked));
        Assert.Equal(["c"], asked);
    }

    [Theory]
    [InlineData(0, 1, "maxSteps")]
    [InlineData(6, 1, "maxSteps")]
    [InlineData(3, 0, "first")]
    [InlineData(3, 11, "first")]
    public void Out_of_range_bounds_are_refused_with_the_argument_name(int maxSteps, int first, string argument)
    {
        var error = Assert.Throws<GraphInputException>(() => Find("a", "e", maxSteps, first));

        Assert.Equal(argument, error.Argument);
    }

    [Theory]
    [InlineData(0, 0.5, 10, "neighbors")]
    [InlineData(101, 0.5, 10, "neighbors")]
    [InlineData(10, 0, 10, "minStepScore")]
    [InlineData(10, 1.5, 10, "minStepScore")]
    [InlineData(10, double.NaN, 10, "minStepScore")]
    [InlineData(10, 0.5, 0, "maxExpandedRoles")]
    public void Out_of_range_options_are_refused_with_their_name(int neighbors, double minStepScore, int maxExpandedRoles, string argument)
    {
        var error = Assert.Throws<GraphInputException>(() => Find("a", "e", options: new CareerPathOptions(neighbors, minStepScore, maxExpandedRoles)));

        Assert.Equal(argument, error.Argument);
    }

    [Fact]
    public void A_node_that_is_not_a_role_is_a_caller_bug()
    {
        var graph = Roles();

        Assert.Throws<ArgumentOutOfRangeException>("toRole", () =>
            CareerPaths.Find(graph, Nearest(graph, Table), graph.IndexOf("a"), graph.IndexOf("s1"), 3, 3, CareerPathOptions.Default));
    }
}
