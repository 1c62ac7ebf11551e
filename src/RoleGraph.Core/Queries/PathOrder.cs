namespace RoleGraph.Core.Queries;

/// <summary>How shortest paths of equal length are ordered.</summary>
public enum PathOrder
{
    /// <summary>
    /// Most relevant first: paths through specific items (held by few roles) over heavy links before paths through
    /// hubs (items most roles hold); ties by node-id sequence.
    /// </summary>
    Relevance,

    /// <summary>Lexicographic order of the node-id sequences, then of the relations: stable, but says nothing.</summary>
    Id,
}
