using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>
/// A skill or tool both roles link to and what it adds to their score (its facet's share times the product of the
/// two roles' normalized weights for it). All shared items and terms of a pair add up to its score.
/// </summary>
public sealed record SharedContribution(int Item, GraphNode Node, string Facet, double Contribution);
