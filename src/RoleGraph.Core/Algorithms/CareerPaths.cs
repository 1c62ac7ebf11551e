using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// Career paths: sequences of distinct roles from one role to another in which every step goes to one of the
/// current role's nearest roles (nearest(role, k) with k = <see cref="CareerPathOptions.Neighbors"/>) with a
/// similarity of at least <see cref="CareerPathOptions.MinStepScore"/>, ranked by the product of the step
/// similarities, highest first; equal products by the sequence of role ids. A direct step is a path of one step
/// when the target is among the source's nearest roles. With <see cref="CareerPathOptions.IntoTargetFromItsNearest"/>
/// (the default) a step into the target may also come from a role among the target's own nearest, scored as the
/// target scores it (the higher of the two where both list each other). Each step carries its score and skill gap.
/// </summary>
/// <remarks>
/// <para><b>Search.</b> A best-first (uniform-cost) search over path prefixes with cost Σ −ln(score): similarities
/// are at most 1, so costs only grow along a path, and complete paths leave the queue in rank order; the search
/// stops at the <c>first</c>-th. Nearest roles are asked for once per role and call (the target too, for the last
/// step from its own list). It does not enumerate paths:</para>
/// <list type="bullet">
/// <item>prefixes never exceed <c>maxSteps</c>, and a prefix one step short only extends to the target;</item>
/// <item>a role is expanded at most <c>first</c> times per depth, as the end of its <c>first</c> cheapest prefixes of
/// that many steps: any other prefix there is beaten, with the same continuation, by each of those. This is exact
/// unless a continuation revisits a role of all of those cheaper prefixes (paths are simple), a case it may miss;</item>
/// <item>at most <see cref="CareerPathOptions.MaxExpandedRoles"/> roles are asked for their nearest; beyond that the
/// paths found so far are the answer.</item>
/// </list>
/// <para>Costs are added in fixed point (2^-40), so equal products tie exactly and fall back to id order. Scores
/// above 1 from <c>nearest</c> count as 1; its entries for the role itself, for non-roles and below the minimum are
/// ignored, and a role listed twice counts with its higher score.</para>
/// <para><b>From a role to itself</b> the answer is one path of no steps, score 1 (already there), as for shortest
/// paths; <b>unreachable</b> within <c>maxSteps</c> steps, no path.</para>
/// </remarks>
public static class CareerPaths
{
    public const int DefaultMaxSteps = 3;
    public const int MaxMaxSteps = 5;
    public const int DefaultFirst = 3;
    public const int MaxFirst = 10;

    private const double FixedPointScale = 1L << 40;
    private const int ScoreDecimals = 12;

    public static IReadOnlyList<CareerPath> Find(
        GraphSnapshot graph, Func<int, int, IReadOnlyList<(int Role, double Score)>> nearest, int fromRole, int toRole, int maxSteps, int first, CareerPathOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(nearest);
        ArgumentNullException.ThrowIfNull(options);
        if (maxSteps < 1 || maxSteps > MaxMaxSteps)
        {
            throw GraphInputException.OutOfRange("maxSteps", maxSteps, 1, MaxMaxSteps);
        }

        if (first < 1 || first > MaxFirst)
        {
            throw GraphInputException.OutOfRange("first", first, 1, MaxFirst);
        }

        options.Validate();
        RequireRole(graph, fromRole, nameof(fromRole));
        RequireRole(graph, toRole, nameof(toRole));

        if (fromRole == toRole)
        {
            return [new CareerPath([graph[fromRole]], [], 1)];
        }

        var search = new Search(graph, nearest, toRole, maxSteps, first, options);
        return search.Run(fromRole);
    }

    /// <summary>Node indexes come from the caller's id resolution (<see cref="GraphArguments.RoleIndex"/>): anything else is a bug there.</summary>
    private static void RequireRole(GraphSnapshot graph, int index, string argument)
    {
        if (index < 0 || index >= graph.NodeCount || graph[index].Kind != NodeKind.Role)
        {
            throw new ArgumentOutOfRangeException(argument, index, "Not the index of a role in this snapshot.");
        }
    }

    /// <summary>A path prefix: the entry it extends (-1 for the start), its last role, its step score and total cost.</summary>
    private readonly record struct Prefix(int Parent, int Role, int Depth, double StepScore, long Cost);

    /// <summary>A candidate next step: a role and the step's score and cost.</summary>
    private readonly record struct Candidate(int Role, double Score, long Cost);

    private sealed class Search(
        GraphSnapshot graph, Func<int, int, IReadOnlyList<(int Role, double Score)>> nearest, int to, int maxSteps, int first, CareerPathOptions options)
    {
        private readonly List<Prefix> _prefixes = [];
        private readonly Dictionary<int, Candidate[]> _nearest = [];
        private readonly Dictionary<(int Role, int Depth), int> _expansions = [];
        private readonly Dictionary<(int From, int To), SkillGapResult> _gaps = [];
        private Dictionary<int, double> _intoTarget = [];

        public List<CareerPath> Run(int from)
        {
            if (options.IntoTargetFromItsNearest)
            {
                _intoTarget = Usable(to);
                _nearest[to] = []; // the target is never expanded; this only counts its call against the budget
            }

            var queue = new PriorityQueue<int, int>(new PrefixOrder(_prefixes, maxSteps));
            _prefixes.Add(new Prefix(-1, from, 0, 1, 0));
            queue.Enqueue(0, 0);
            var paths = new List<CareerPath>(first);
            while (paths.Count < first && queue.TryDequeue(out var index, out _))
            {
                var prefix = _prefixes[index];
                if (prefix.Role == to)
                {
                    paths.Add(ToPath(index));
                    continue;
                }

                var key = (prefix.Role, prefix.Depth);
                var expanded = _expansions.GetValueOrDefault(key);
                if (expanded >= first)
                {
                    continue;
                }

                _expansions[key] = expanded + 1;
                if (!TryNearest(prefix.Role, out var candidates))
                {
                    continue;
                }

                var last = prefix.Depth + 1 == maxSteps;
                foreach (var candidate in candidates)
                {
                    if ((last && candidate.Role != to) || OnPrefix(index, candidate.Role))
                    {
                        continue;
                    }

                    _prefixes.Add(new Prefix(index, candidate.Role, prefix.Depth + 1, candidate.Score, prefix.Cost + candidate.Cost));
                    queue.Enqueue(_prefixes.Count - 1, _prefixes.Count - 1);
                }
            }

            return paths;
        }

        /// <summary>The role's usable nearest roles, asked for once; false once the budget of roles is spent.</summary>
        private bool TryNearest(int role, out Candidate[] candidates)
        {
            if (_nearest.TryGetValue(role, out candidates!))
            {
                return true;
            }

            if (_nearest.Count >= options.MaxExpandedRoles)
            {
                return false;
            }

            var best = Usable(role);
            if (_intoTarget.TryGetValue(role, out var intoTarget) && intoTarget > best.GetValueOrDefault(to))
            {
                best[to] = intoTarget;
            }

            candidates = best.Select(kv => new Candidate(kv.Key, kv.Value, (long)Math.Round(-Math.Log(kv.Value) * FixedPointScale))).ToArray();
            _nearest[role] = candidates;
            return true;
        }

        /// <summary>The role's nearest roles that may be a step, each once with its best score (at most 1).</summary>
        private Dictionary<int, double> Usable(int role)
        {
            var best = new Dictionary<int, double>();
            foreach (var (other, score) in nearest(role, options.Neighbors))
            {
                if (other != role && other >= 0 && other < graph.NodeCount && graph[other].Kind == NodeKind.Role
                    && score >= options.MinStepScore && score > best.GetValueOrDefault(other))
                {
                    best[other] = Math.Min(score, 1);
                }
            }

            return best;
        }

        private bool OnPrefix(int index, int role)
        {
            for (; index >= 0; index = _prefixes[index].Parent)
            {
                if (_prefixes[index].Role == role)
                {
                    return true;
                }
            }

            return false;
        }

        private CareerPath ToPath(int index)
        {
            var depth = _prefixes[index].Depth;
            var roles = new int[depth + 1];
            var scores = new double[depth];
            for (var i = depth; i >= 0; i--)
            {
                roles[i] = _prefixes[index].Role;
                if (i > 0)
                {
                    scores[i - 1] = _prefixes[index].StepScore;
                }

                index = _prefixes[index].Parent;
            }

            var steps = new CareerStep[depth];
            var product = 1.0;
            for (var i = 0; i < depth; i++)
            {
                product *= scores[i];
                steps[i] = new CareerStep(graph[roles[i]], graph[roles[i + 1]], scores[i], Gap(roles[i], roles[i + 1]));
            }

            return new CareerPath(roles.Select(r => graph[r]).ToArray(), steps, Math.Round(product, ScoreDecimals));
        }

        private SkillGapResult Gap(int from, int to)
        {
            if (!_gaps.TryGetValue((from, to), out var gap))
            {
                gap = SkillGap.Compute(graph, from, to);
                _gaps[(from, to)] = gap;
            }

            return gap;
        }
    }

    /// <summary>Cheapest first, then by the sequence of role indexes (id order), a prefix before its extensions.</summary>
    private sealed class PrefixOrder(List<Prefix> prefixes, int maxSteps) : IComparer<int>
    {
        private readonly int[] _left = new int[maxSteps + 1];
        private readonly int[] _right = new int[maxSteps + 1];

        public int Compare(int x, int y)
        {
            if (x == y)
            {
                return 0;
            }

            var byCost = prefixes[x].Cost.CompareTo(prefixes[y].Cost);
            if (byCost != 0)
            {
                return byCost;
            }

            var left = Roles(x, _left);
            var right = Roles(y, _right);
            for (var i = 0; i < Math.Min(left, right); i++)
            {
                var c = _left[i].CompareTo(_right[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return left.CompareTo(right);
        }

        private int Roles(int index, int[] roles)
        {
            var count = prefixes[index].Depth + 1;
            for (var i = count - 1; i >= 0; i--)
            {
                roles[i] = prefixes[index].Role;
                index = prefixes[index].Parent;
            }

            return count;
        }
    }
}
