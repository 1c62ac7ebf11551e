using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class SimilarRoleType : ObjectGraphType<SimilarRole>
{
    public SimilarRoleType()
    {
        Name = "SimilarRole";
        Description = "A role similar to another, by all the graph holds about both: skills, tools and text, with the reasons.";
        Field<NonNullGraphType<RoleType>>("role").Description("The similar role.").PlainAccessor(s => s.Role);
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("0..1: the weighted mean of the facets' cosines (see facets); the same both ways round.")
            .PlainAccessor(s => s.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("shared").Description("The skills and tools both roles hold, by name.").PlainAccessor(s => s.Shared);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SimilarityFacetType>>>>("facets")
            .Description("The score per facet (skills, tools, text); their contributions add up to the score.")
            .PlainAccessor(s => s.Facets);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SharedItemType>>>>("sharedItems")
            .Description("The shared skills and tools that add most to the score, most first (up to RoleGraph:Similarity:ExplainItems of each).")
            .PlainAccessor(s => s.SharedItems);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SharedTermType>>>>("sharedTerms")
            .Description("The shared words that add most to the score, most first (up to RoleGraph:Similarity:ExplainTerms).")
            .PlainAccessor(s => s.SharedTerms);
    }
}
