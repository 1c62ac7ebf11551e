namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>
/// One facet of a similarity score: the cosine of the two roles' vectors in that facet (0..1) and the facet's share
/// of the total weight, so that the score is the sum of <c>Share × Cosine</c> over the facets.
/// </summary>
public sealed record FacetScore(string Facet, double Cosine, double Share)
{
    /// <summary>What this facet adds to the role's score.</summary>
    public double Contribution => Math.Round(Share * Cosine, RoleSimilarityIndex.ScoreDecimals);
}
