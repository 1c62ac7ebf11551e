using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "A node matching a search, with how it matched.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The matching node.").PlainAccessor(s => s.Node);
        Field<NonNullGraphType<NodeKindType>>("kind").Description("The node's kind.").PlainAccessor(h => h.Node.Kind);
        Field<NonNullGraphType<SearchMatchType>>("match").Description("How the text matched; results are ranked by this first.").PlainAccessor(h => h.Match);
        Field<NonNullGraphType<StringGraphType>>("matchedText").Description("The name or alias that matched.").PlainAccessor(h => h.MatchedText);
    }
}
