using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Neo4j.Cypher;

/// <summary>
/// The statements that read the graph. Each returns nodes as the same map (<see cref="Node"/>), which the store
/// turns back into model nodes.
/// </summary>
internal static class ReadCypher
{
    /// <summary>A node as the store reads it.</summary>
    private const string NodeMap = "{.id, .kind, .name, .description, .aliases, .properties}";

    public const string Ping = "RETURN 1 AS ok";

    /// <summary>Counts of one label and of all relationships come from Neo4j's count store, without reading the graph:
    /// readiness checks run them often.</summary>
    public static string CountNodes(NodeKind kind) => CountStatements[(int)kind];

    public const string CountLinks = "MATCH ()-[r]->() RETURN count(r) AS links";

    public const string NodesById = $"UNWIND $ids AS id MATCH (n:Node {{id: id}}) RETURN n {NodeMap} AS node";

    /// <summary>Ids and kinds only: what an importer asks before it allocates ids.</summary>
    public const string KindsById = "UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n.kind AS kind";

    public const string AllKinds = "MATCH (n:Node) RETURN n.id AS id, n.kind AS kind";

    public const string AllNodes = $"MATCH (n:Node) RETURN n {NodeMap} AS node ORDER BY n.id";

    public const string AllLinks =
        "MATCH (a:Node)-[r]->(b:Node) RETURN a.id AS fromId, b.id AS toId, type(r) AS type, r.importance AS importance, r.level AS level";

    public const string Sources = "MATCH (g:RoleGraphMeta {key: $key}) RETURN g.sources AS sources";

    /// <summary>The revision every write increments (<see cref="WriteCypher.SetMeta"/>); no row before the first write.</summary>
    public const string Revision = "MATCH (g:RoleGraphMeta {key: $key}) RETURN g.revision AS revision";

    /// <summary>Ids and names of one kind: lists filter, sort and page them in process, in the embedded store's order.</summary>
    public static string NamesOfKind(NodeKind kind) => NamesOfKindStatements[(int)kind];

    /// <summary>For each id, the nodes one relation reaches in one direction, with the link's importance and level.</summary>
    public static string Linked(RelationKind relation, LinkDirection direction) =>
        LinkedStatements[((int)relation * 2) + (direction == LinkDirection.Outgoing ? 0 : 1)];

    /// <summary>Candidates for search: the text index finds every node whose lower-cased name or alias holds the text.</summary>
    public const string SearchCandidates =
        $"MATCH (n:Node) WHERE n.searchText CONTAINS $needle AND n.kind IN $kinds RETURN n {NodeMap} AS node";

    /// <summary>Roles with their skills, tools and responsibilities: what overlap and skill gap compare.</summary>
    public const string RolesWithItems =
        $"UNWIND $ids AS id MATCH (role:Node {{id: id}}) " +
        $"RETURN role {NodeMap} AS node, " +
        $"[(role)-[r:REQUIRES|USES|RESPONSIBLE_FOR]->(item:Node) | {{type: type(r), importance: r.importance, level: r.level, item: item {NodeMap}}}] AS items";

    /// <summary>Every role with its skills, tools and responsibilities: what similarity and career steps compare.</summary>
    public const string AllRolesWithItems =
        $"MATCH (role:Role) " +
        $"RETURN role {NodeMap} AS node, " +
        $"[(role)-[r:REQUIRES|USES|RESPONSIBLE_FOR]->(item:Node) | {{type: type(r), importance: r.importance, level: r.level, item: item {NodeMap}}}] AS items";

    /// <summary>
    /// Every node of one kind, whole, with its links of the relations in $types both ways: the far end's id, kind and
    /// name and the link's importance and level. What a list filtered by links evaluates.
    /// </summary>
    public static string KindWithLinks(NodeKind kind) => KindWithLinksStatements[(int)kind];

    /// <summary>
    /// Every link on some shortest path (at most <paramref name="maxHops"/> links, either direction), optionally
    /// only over the given relations, with how many roles hold each end (REQUIRES, USES or RESPONSIBLE_FOR to it)
    /// and how many roles there are: the whole graph's counts path relevance needs, from the same enumeration of
    /// the paths. A variable-length bound cannot be a parameter, hence one statement per bound.
    /// </summary>
    public static string ShortestPathLinks(int maxHops, bool filtered) => PathStatements[((maxHops - 1) * 2) + (filtered ? 1 : 0)];

    public const int MaxPathHops = Core.Queries.PathQuery.MaxMaxHops;

    /// <summary>
    /// The nodes referenced by a write, each with its links both ways (the far end's id and kind): enough for the
    /// planner to check the write and find what a cascade removes.
    /// </summary>
    public const string NodesWithLinks =
        $"UNWIND $ids AS id MATCH (n:Node {{id: id}}) " +
        $"RETURN n {NodeMap} AS node, " +
        "[(n)-[r]->(m:Node) | [m.id, m.kind, type(r), r.importance, r.level]] AS outgoing, " +
        "[(n)<-[r]-(m:Node) | [m.id, m.kind, type(r), r.importance, r.level]] AS incoming";

    private static readonly string[] CountStatements = Enum.GetValues<NodeKind>()
        .Select(kind => $"MATCH (n:{CypherNames.Label(kind)}) RETURN count(n) AS count")
        .ToArray();

    private static readonly string[] NamesOfKindStatements = Enum.GetValues<NodeKind>()
        .Select(kind => $"MATCH (n:{CypherNames.Label(kind)}) RETURN n.id AS id, n.name AS name")
        .ToArray();

    private static readonly string[] KindWithLinksStatements = Enum.GetValues<NodeKind>()
        .Select(kind =>
            $"MATCH (n:{CypherNames.Label(kind)}) " +
            $"RETURN n {NodeMap} AS node, " +
            "[(n)-[r]->(m:Node) WHERE type(r) IN $types | [m.id, m.kind, m.name, type(r), r.importance, r.level]] AS outgoing, " +
            "[(n)<-[r]-(m:Node) WHERE type(r) IN $types | [m.id, m.kind, m.name, type(r), r.importance, r.level]] AS incoming")
        .ToArray();

    private static readonly string[] LinkedStatements = Enum.GetValues<RelationKind>()
        .SelectMany(relation => new[]
        {
            $"UNWIND $ids AS id MATCH (:Node {{id: id}})-[r:{CypherNames.Type(relation)}]->(m:Node) RETURN id, m {NodeMap} AS node, r.importance AS importance, r.level AS level",
            $"UNWIND $ids AS id MATCH (:Node {{id: id}})<-[r:{CypherNames.Type(relation)}]-(m:Node) RETURN id, m {NodeMap} AS node, r.importance AS importance, r.level AS level",
        })
        .ToArray();

    private static readonly string[] PathStatements = Enumerable.Range(1, MaxPathHops)
        .SelectMany(hops => new[] { PathStatement(hops, filtered: false), PathStatement(hops, filtered: true) })
        .ToArray();

    private static string PathStatement(int hops, bool filtered) =>
        "MATCH (role:Role) WITH count(role) AS roles " +
        "MATCH (a:Node {id: $fromId}) MATCH (b:Node {id: $toId}) " +
        $"MATCH p = allShortestPaths((a)-[*..{hops}]-(b)) " +
        (filtered ? "WHERE all(r IN relationships(p) WHERE type(r) IN $types) " : "") +
        "UNWIND relationships(p) AS r " +
        "WITH DISTINCT roles, r " +
        "WITH roles, r, startNode(r) AS source, endNode(r) AS target " +
        $"RETURN source {NodeMap} AS fromNode, target {NodeMap} AS toNode, type(r) AS type, r.importance AS importance, r.level AS level, roles, " +
        "COUNT { (:Role)-[:REQUIRES|USES|RESPONSIBLE_FOR]->(source) } AS fromHolders, COUNT { (:Role)-[:REQUIRES|USES|RESPONSIBLE_FOR]->(target) } AS toHolders";

    /// <summary>Every read statement, named for lint reports.</summary>
    internal static IEnumerable<CatalogEntry> Catalog()
    {
        yield return new("ping", Ping);
        yield return new("count links", CountLinks);
        yield return new("nodes by id", NodesById);
        yield return new("kinds by id", KindsById);
        yield return new("all kinds", AllKinds);
        yield return new("all nodes", AllNodes);
        yield return new("all links", AllLinks);
        yield return new("sources", Sources);
        yield return new("revision", Revision);
        yield return new("search candidates", SearchCandidates);
        yield return new("roles with items", RolesWithItems);
        yield return new("all roles with items", AllRolesWithItems);
        yield return new("nodes with links", NodesWithLinks);
        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            yield return new($"names of {kind}", NamesOfKind(kind));
            yield return new($"count {kind} nodes", CountNodes(kind));
            yield return new($"{kind} nodes with links", KindWithLinks(kind));
        }

        foreach (var relation in Enum.GetValues<RelationKind>())
        {
            foreach (var direction in Enum.GetValues<LinkDirection>())
            {
                yield return new($"linked {relation} {direction}", Linked(relation, direction));
            }
        }

        for (var hops = 1; hops <= MaxPathHops; hops++)
        {
            yield return new($"shortest path links, {hops} hops", ShortestPathLinks(hops, filtered: false));
            yield return new($"shortest path links, {hops} hops, relations filtered", ShortestPathLinks(hops, filtered: true));
        }
    }
}
