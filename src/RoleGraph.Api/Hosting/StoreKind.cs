namespace RoleGraph.Api.Hosting;

/// <summary>Where the graph lives (RoleGraph:Store).</summary>
internal enum StoreKind
{
    /// <summary>In process, persisted to a local data file: the default, nothing else to run.</summary>
    Embedded,

    /// <summary>A Neo4j 5 server, reached over its HTTP API (section Neo4j).</summary>
    Neo4j,
}
