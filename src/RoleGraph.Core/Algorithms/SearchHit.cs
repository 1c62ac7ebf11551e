using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>A search result: the node, how it matched, and the name or alias that matched.</summary>
public sealed record SearchHit(GraphNode Node, SearchMatch Match, string MatchedText);
