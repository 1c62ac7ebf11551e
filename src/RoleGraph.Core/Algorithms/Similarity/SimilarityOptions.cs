namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>
/// How <see cref="RoleSimilarityIndex"/> weighs a role's content. Meant to be bound to <c>RoleGraph:Similarity</c>.
/// Each facet is a cosine in 0..1; a role's score is the weighted mean of its facets, so only the ratios of the
/// weights matter and a weight of 0 turns a facet off. The defaults were chosen on the development half of O*NET's
/// related-occupations list (bench: <c>quality</c>) and are deliberately round: a model with few, coarse knobs is
/// the one that holds on roles it was not tuned on. There, alone, text found 0.71 of the related occupations in the
/// top 10, skills 0.42 and tools 0.36; all three at equal weight 0.68, with text doubled 0.70; other weightings
/// moved it by less than 0.01, which is noise on 469 occupations.
/// </summary>
public sealed class SimilarityOptions
{
    /// <summary>Skills (REQUIRES links), each weighted by importance × level: what a role needs and how much of it.</summary>
    public double SkillsWeight { get; set; } = 1.0;

    /// <summary>Tools (USES links), each weighted by importance × its rarity across roles (inverse document frequency).</summary>
    public double ToolsWeight { get; set; } = 1.0;

    /// <summary>
    /// The words of the role's name, aliases and description and of its responsibilities' names and descriptions,
    /// TF-IDF weighted: what the role is called and what it does. Twice the others by default: it is the facet
    /// that tells roles apart best, where skills and tools mostly confirm.
    /// </summary>
    public double TextWeight { get; set; } = 2.0;

    /// <summary>How many shared items (skills, tools) each result lists as its explanation, most contributing first.</summary>
    public int ExplainItems { get; set; } = 5;

    /// <summary>How many shared words each result lists as its explanation, most contributing first.</summary>
    public int ExplainTerms { get; set; } = 5;

    private const string ExplainSizeRule = "Explanation sizes are 0 or more.";

    /// <summary>Throws for weights that are negative or not numbers, or negative explanation sizes.</summary>
    public void Validate()
    {
        foreach (var (name, weight) in (ReadOnlySpan<(string, double)>)[(nameof(SkillsWeight), SkillsWeight), (nameof(ToolsWeight), ToolsWeight), (nameof(TextWeight), TextWeight)])
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentOutOfRangeException(name, weight, "A similarity facet weight is a finite number of 0 or more.");
            }
        }

        if (ExplainItems < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ExplainItems), ExplainItems, ExplainSizeRule);
        }

        if (ExplainTerms < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ExplainTerms), ExplainTerms, ExplainSizeRule);
        }
    }
}
