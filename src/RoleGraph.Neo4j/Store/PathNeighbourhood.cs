using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Cypher;

namespace RoleGraph.Neo4j.Store;

/// <summary>
/// The links on the shortest paths between two nodes, found by a breadth-first search from both ends that reads
/// one level per request (<see cref="ReadCypher.PathStep"/>) and stops where the searches meet, or at the hop
/// bound. Each round expands the end whose frontier is smaller, so a search that meets after k + m levels reads
/// the k-ball of one end and the m-ball of the other: never more than the graph, and on a dense layer far less
/// than the shortest paths' enumeration (which allShortestPaths builds row by row before any DISTINCT).
/// </summary>
/// <remarks>
/// Why it finds them all: once the searches meet after k levels from one end and m from the other, the shortest
/// length is L = k + m, and a link (v_i, v_i+1) of a shortest path v_0 … v_L was read when v_i was expanded (if i &lt; k)
/// or, otherwise, when v_i+1 was (it lies L − i − 1 ≤ m − 1 from the far end). Distances recomputed over the links
/// read then pick out exactly the links on some path of length L.
/// </remarks>
internal sealed class PathNeighbourhood
{
    private PathNeighbourhood(IReadOnlyCollection<string> nodesOnPaths, IReadOnlyCollection<GraphLink> linksOnPaths, int linksRead, int requests)
    {
        NodesOnPaths = nodesOnPaths;
        LinksOnPaths = linksOnPaths;
        LinksRead = linksRead;
        Requests = requests;
    }

    /// <summary>The ids of the nodes on some shortest path (both ends included when a path exists).</summary>
    public IReadOnlyCollection<string> NodesOnPaths { get; }

    public IReadOnlyCollection<GraphLink> LinksOnPaths { get; }

    /// <summary>How many link rows the search read: what it cost the server.</summary>
    public int LinksRead { get; }

    /// <summary>How many statements the search sent (one per level and batch of the frontier).</summary>
    public int Requests { get; }

    public static async Task<PathNeighbourhood> SearchAsync(INeo4jClient client, GraphScope.Paths scope, int batchSize, CancellationToken cancellationToken)
    {
        var empty = new PathNeighbourhood([], [], 0, 0);
        if (string.Equals(scope.FromId, scope.ToId, StringComparison.Ordinal))
        {
            return empty;
        }

        var filtered = scope.Via is { Count: > 0 };
        var types = filtered ? scope.Via!.Select(CypherNames.Type).Distinct(StringComparer.Ordinal).ToArray() : null;
        var statement = ReadCypher.PathStep(filtered);

        var links = new Dictionary<LinkKey, GraphLink>();
        var fromSide = new Side(scope.FromId);
        var toSide = new Side(scope.ToId);
        var linksRead = 0;
        var requests = 0;
        var met = false;
        while (!met && fromSide.Levels + toSide.Levels < scope.MaxHops && fromSide.Frontier.Count > 0 && toSide.Frontier.Count > 0)
        {
            var (side, other) = fromSide.Frontier.Count <= toSide.Frontier.Count ? (fromSide, toSide) : (toSide, fromSide);
            var next = new List<string>();
            foreach (var batch in side.Frontier.Chunk(batchSize))
            {
                (string, object?)[] parameters = filtered ? [("ids", batch), ("types", types)] : [("ids", batch)];
                requests++;
                var results = await client.RunAsync(
                    [new CypherStatement(statement, parameters.ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal))], cancellationToken);
                foreach (var row in results[0].Rows)
                {
                    linksRead++;
                    var id = row[0].GetString()!;
                    var otherId = row[1].GetString()!;
                    var relation = StoredLink.ParseType(row[2].GetString());
                    var (from, to) = row[3].GetBoolean() ? (id, otherId) : (otherId, id);
                    var link = new GraphLink(from, to, relation, StoredLink.Number(row[4]), StoredLink.Number(row[5]));
                    links.TryAdd(LinkKey.Of(link), link);
                    if (side.Reached.Add(otherId))
                    {
                        next.Add(otherId);
                        met |= other.Reached.Contains(otherId);
                    }
                }
            }

            side.Frontier = next;
            side.Levels++;
        }

        if (!met)
        {
            return new PathNeighbourhood([], [], linksRead, requests);
        }

        var fromDistance = Distances(links.Values, scope.FromId);
        var toDistance = Distances(links.Values, scope.ToId);
        var length = fromDistance[scope.ToId];
        var onPaths = links.Values
            .Where(l => OnPath(fromDistance, toDistance, l.FromId, l.ToId, length) || OnPath(fromDistance, toDistance, l.ToId, l.FromId, length))
            .ToArray();
        var nodes = onPaths.SelectMany(l => new[] { l.FromId, l.ToId }).ToHashSet(StringComparer.Ordinal);
        return new PathNeighbourhood(nodes, onPaths, linksRead, requests);
    }

    private static bool OnPath(Dictionary<string, int> fromDistance, Dictionary<string, int> toDistance, string u, string v, int length) =>
        fromDistance.TryGetValue(u, out var a) && toDistance.TryGetValue(v, out var b) && a + 1 + b == length;

    /// <summary>Breadth-first distances from a node over the links read, either direction.</summary>
    private static Dictionary<string, int> Distances(IEnumerable<GraphLink> links, string start)
    {
        var adjacent = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            Neighbours(adjacent, link.FromId).Add(link.ToId);
            Neighbours(adjacent, link.ToId).Add(link.FromId);
        }

        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in adjacent.GetValueOrDefault(node) ?? [])
            {
                if (distance.TryAdd(next, distance[node] + 1))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return distance;
    }

    private static List<string> Neighbours(Dictionary<string, List<string>> adjacent, string id)
    {
        if (!adjacent.TryGetValue(id, out var list))
        {
            list = [];
            adjacent[id] = list;
        }

        return list;
    }

    /// <summary>One end's search: the nodes it has reached, its current frontier and how many levels it expanded.</summary>
    private sealed class Side(string start)
    {
        public HashSet<string> Reached { get; } = new(StringComparer.Ordinal) { start };

        public List<string> Frontier { get; set; } = [start];

        public int Levels { get; set; }
    }
}
