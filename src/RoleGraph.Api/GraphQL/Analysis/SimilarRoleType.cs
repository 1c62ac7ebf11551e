using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

public sealed class SimilarRoleType : ObjectGraphType<SimilarRole>
{
    public SimilarRoleType()
    {
        Name = "SimilarRole";
        Description = "A role similar to another, by weighted Jaccard similarity over skills and tools.";
        Field<NonNullGraphType<RoleType>>("role").Description("The similar role.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Σ min(wa, wb) / Σ max(wa, wb) over skills and tools, with importance as weight (1 where absent): 0..1.")
            .Resolve(c => c.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("shared").Description("The skills and tools both roles hold, by name.").Resolve(c => c.Source.Shared);
    }
}
