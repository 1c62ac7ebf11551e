namespace RoleGraph.Neo4j.Client;

/// <summary>Neo4j's HTTP interfaces the client speaks.</summary>
public enum Neo4jApi
{
    /// <summary>
    /// The Query API, /db/{database}/query/v2 (explicit transactions at .../query/v2/tx): on by default since
    /// Neo4j 5.25 and the only HTTP interface of Aura.
    /// </summary>
    Query,

    /// <summary>The transactional HTTP API, /db/{database}/tx: deprecated since Neo4j 5.26, kept for older 5.x servers.</summary>
    Http,
}
