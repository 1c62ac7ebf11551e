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

    /// <summary>
    /// Every count statistics reports, in one statement so they come from one reading of the graph (separate
    /// statements, even in one transaction, would each see the writes committed by then: Neo4j reads committed).
    /// Each count stands alone in its own subquery, the form in which the planner reads it from the count store in
    /// constant time (Neo4j knowledge base, "Fast counts using the count store"): readiness checks run this often.
    /// Columns: one per kind in <see cref="NodeKind"/> order, then links.
    /// </summary>
    public static readonly string Statistics =
        string.Concat(Enum.GetValues<NodeKind>().Select(kind => $"CALL () {{ MATCH (n:{CypherNames.Label(kind)}) RETURN count(n) AS {CypherNames.Label(kind)} }} ")) +
        "CALL () { MATCH ()-[r]->() RETURN count(r) AS links } " +
        "RETURN " + string.Join(", ", Enum.GetValues<NodeKind>().Select(CypherNames.Label)) + ", links";

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

    /// <summary>
    /// Ids and names of one kind: lists filter, sort and page them in process, in the embedded store's order. Not a
    /// seek on an index: a page reports the total count of its filtered kind, filters match substrings of id and
    /// name (which no range index serves), and cursors are offsets from either end (last/before), so every page
    /// needs the whole filtered kind in order; reading two short properties of one label is that read's floor.
    /// </summary>
    public static string NamesOfKind(NodeKind kind) => NamesOfKindStatements[(int)kind];

    /// <summary>For each id, the nodes one relation reaches in one direction, with the link's importance and level.</summary>
    public static string Linked(RelationKind relation, LinkDirection direction) =>
        LinkedStatements[((int)relation * 2) + (direction == LinkDirection.Outgoing ? 0 : 1)];

    /// <summary>
    /// Candidates for search: the text index finds every node whose lower-cased name or alias holds the text; the
    /// second branch reads the few nodes whose names overflowed one text-index value (StoredNode.SearchTexts), found
    /// by their flag's range index (which holds only them), and filters their overflow. UNION drops a node both
    /// branches find. One statement, so the Query API needs one request.
    /// </summary>
    public const string SearchCandidates =
        $"MATCH (n:Node) WHERE n.searchText CONTAINS $needle AND n.kind IN $kinds RETURN n {NodeMap} AS node " +
        $"UNION MATCH (n:Node) WHERE n.searchOverflowed = true AND n.searchOverflow CONTAINS $needle AND n.kind IN $kinds RETURN n {NodeMap} AS node";

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
    /// One breadth-first step of a path search: for each id, every link at it (either direction) and the node at its
    /// other end, optionally only over the given relation types. The store expands from both ends a level at a
    /// time and stops where the two searches meet, so it reads the neighbourhood the shortest paths lie in, never an
    /// enumeration of the paths themselves (which allShortestPaths makes, and which explodes on a dense layer).
    /// </summary>
    public static string PathStep(bool filtered) => filtered ? FilteredPathStep : UnfilteredPathStep;

    private const string UnfilteredPathStep =
        "UNWIND $ids AS id MATCH (n:Node {id: id})-[r]-(m:Node) " +
        "RETURN id, m.id AS otherId, type(r) AS type, startNode(r) = n AS outgoing, r.importance AS importance, r.level AS level";

    private const string FilteredPathStep =
        "UNWIND $ids AS id MATCH (n:Node {id: id})-[r]-(m:Node) WHERE type(r) IN $types " +
        "RETURN id, m.id AS otherId, type(r) AS type, startNode(r) = n AS outgoing, r.importance AS importance, r.level AS level";

    /// <summary>
    /// The nodes on the shortest paths, each with how many roles hold it (REQUIRES, USES or RESPONSIBLE_FOR to it),
    /// and how many roles there are: the whole graph's counts path relevance needs.
    /// </summary>
    public const string PathNodes =
        "MATCH (role:Role) WITH count(role) AS roles " +
        $"UNWIND $ids AS id MATCH (n:Node {{id: id}}) " +
        $"RETURN n {NodeMap} AS node, roles, COUNT {{ (:Role)-[:REQUIRES|USES|RESPONSIBLE_FOR]->(n) }} AS holders";

    /// <summary>
    /// The nodes referenced by a write, each with its links both ways (the far end's id and kind): enough for the
    /// planner to check the write and find what a cascade removes.
    /// </summary>
    public const string NodesWithLinks =
        $"UNWIND $ids AS id MATCH (n:Node {{id: id}}) " +
        $"RETURN n {NodeMap} AS node, " +
        "[(n)-[r]->(m:Node) | [m.id, m.kind, type(r), r.importance, r.level]] AS outgoing, " +
        "[(n)<-[r]-(m:Node) | [m.id, m.kind, type(r), r.importance, r.level]] AS incoming";

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

    /// <summary>Every read statement, named for lint reports.</summary>
    internal static IEnumerable<CatalogEntry> Catalog()
    {
        yield return new("ping", Ping);
        yield return new("statistics", Statistics);
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
            yield return new($"{kind} nodes with links", KindWithLinks(kind));
        }

        foreach (var relation in Enum.GetValues<RelationKind>())
        {
            foreach (var direction in Enum.GetValues<LinkDirection>())
            {
                yield return new($"linked {relation} {direction}", Linked(relation, direction));
            }
        }

        yield return new("path step", PathStep(filtered: false));
        yield return new("path step, relations filtered", PathStep(filtered: true));
        yield return new("path nodes", PathNodes);
    }
}
