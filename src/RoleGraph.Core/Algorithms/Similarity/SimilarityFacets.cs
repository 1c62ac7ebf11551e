namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>The names of the facets a similarity score is made of, as results and explanations report them.</summary>
public static class SimilarityFacets
{
    public const string Skills = "skills";
    public const string Tools = "tools";
    public const string Text = "text";
}
