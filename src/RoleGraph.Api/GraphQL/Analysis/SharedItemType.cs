using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms.RoleSimilarity;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class SharedItemType : ObjectGraphType<SharedContribution>
{
    public SharedItemType()
    {
        Name = "SharedItem";
        Description = "A skill or tool both roles hold and what it adds to their similarity score: a reason the roles are alike.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The shared skill or tool.").PlainAccessor(s => s.Node);
        Field<NonNullGraphType<StringGraphType>>("facet").Description("skills or tools: the facet the item counts in.").PlainAccessor(s => s.Facet);
        Field<NonNullGraphType<FloatGraphType>>("contribution")
            .Description("What the item adds to the score: the facet's share × the product of both roles' normalized weights for it. An item every role holds adds 0.")
            .PlainAccessor(s => s.Contribution);
    }
}
