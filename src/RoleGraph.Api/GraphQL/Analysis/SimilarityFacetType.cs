using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Core.Algorithms.RoleSimilarity;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class SimilarityFacetType : ObjectGraphType<FacetScore>
{
    public SimilarityFacetType()
    {
        Name = "SimilarityFacet";
        Description = "One part of a similarity score: how alike two roles are in one kind of content, and how much that kind weighs.";
        Field<NonNullGraphType<StringGraphType>>("facet")
            .Description("skills (importance × level of each skill), tools (importance × rarity across roles of each tool) or text (TF-IDF of the words of names, aliases, descriptions and responsibilities).")
            .PlainAccessor(s => s.Facet);
        Field<NonNullGraphType<FloatGraphType>>("cosine").Description("The cosine of the two roles' vectors in this facet: 0..1.").PlainAccessor(s => s.Cosine);
        Field<NonNullGraphType<FloatGraphType>>("share")
            .Description("This facet's weight divided by the weights of the facets both roles have content in (RoleGraph:Similarity settings).")
            .PlainAccessor(s => s.Share);
        Field<NonNullGraphType<FloatGraphType>>("contribution").Description("share × cosine: what this facet adds to the score.").PlainAccessor(s => s.Contribution);
    }
}
