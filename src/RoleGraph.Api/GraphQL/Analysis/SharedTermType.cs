using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Core.Algorithms.RoleSimilarity;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class SharedTermType : ObjectGraphType<SharedTerm>
{
    public SharedTermType()
    {
        Name = "SharedTerm";
        Description = "A word both roles' text uses (names, aliases, descriptions, responsibilities) and what it adds to their similarity score.";
        Field<NonNullGraphType<StringGraphType>>("term").Description("The word's stem, as compared (\"analyz\" for analyze, analyzes, analyzing).").PlainAccessor(s => s.Term);
        Field<NonNullGraphType<StringGraphType>>("word").Description("The way the taxonomy most often writes the word, for display.").PlainAccessor(s => s.Word);
        Field<NonNullGraphType<FloatGraphType>>("contribution")
            .Description("What the word adds to the score: the text facet's share × the product of both roles' TF-IDF weights for it.")
            .PlainAccessor(s => s.Contribution);
    }
}
