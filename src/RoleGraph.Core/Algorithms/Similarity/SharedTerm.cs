namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>
/// A word both roles' text uses and what it adds to their score. <see cref="Term"/> is the stem compared;
/// <see cref="Word"/> the most frequent way the taxonomy writes it, for display.
/// </summary>
public sealed record SharedTerm(string Term, string Word, double Contribution);
