using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// The items a set of roles holds most: counted per item over the roles' links, ordered by how many roles hold the
/// item, then by mean importance (1 where absent, as links are weighed everywhere), then by name and id.
/// </summary>
public static class ItemFacets
{
    public static TopItems Top(GraphSnapshot graph, IReadOnlyCollection<int> roles, IReadOnlyList<NodeKind> kinds, int first)
    {
        var relations = kinds.Select(RoleItems.RelationFor).ToArray();
        var tallies = new Dictionary<int, Tally>();
        foreach (var role in roles)
        {
            foreach (var adjacent in graph.Neighbors(role))
            {
                if (!adjacent.Outgoing || Array.IndexOf(relations, adjacent.Relation) < 0)
                {
                    continue;
                }

                if (!tallies.TryGetValue(adjacent.Node, out var tally))
                {
                    tally = new Tally();
                    tallies.Add(adjacent.Node, tally);
                }

                tally.Add(graph.Link(adjacent.Link));
            }
        }

        var ranked = tallies.ToList();
        ranked.Sort((a, b) =>
        {
            var c = b.Value.Roles.CompareTo(a.Value.Roles);
            if (c == 0)
            {
                c = b.Value.MeanWeight.CompareTo(a.Value.MeanWeight);
            }

            return c != 0 ? c : graph.CompareByName(a.Key, b.Key);
        });

        var items = ranked.Take(first)
            .Select(t => new ItemFacet(graph[t.Key], t.Value.Roles, (double)t.Value.Roles / roles.Count, t.Value.Importance))
            .ToArray();
        return new TopItems(roles.Count, items);
    }

    private sealed class Tally
    {
        private int _importances;
        private double _importanceSum;
        private double _importanceMin = double.MaxValue;
        private double _importanceMax = double.MinValue;
        private double _weightSum;

        public int Roles { get; private set; }

        public double MeanWeight => _weightSum / Roles;

        public NumberStats? Importance => NumberStats.Of(_importances, _importanceMin, _importanceMax, _importanceSum);

        public void Add(GraphLink link)
        {
            Roles++;
            _weightSum += link.Weight;
            if (link.Importance is { } importance)
            {
                _importances++;
                _importanceSum += importance;
                _importanceMin = Math.Min(_importanceMin, importance);
                _importanceMax = Math.Max(_importanceMax, importance);
            }
        }
    }
}
