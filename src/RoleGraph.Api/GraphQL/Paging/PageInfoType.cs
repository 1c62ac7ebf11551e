using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.Paging;

internal sealed class PageInfoType : ObjectGraphType<NodePage>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether more items follow this page.").PlainAccessor(s => s.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Whether items precede this page.").PlainAccessor(s => s.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("The cursor of the first item of the page; null when the page is empty.")
            .Resolve(c => c.Source.Nodes.Count == 0 ? null : Cursor.Encode(c.Source.StartOffset));
        Field<StringGraphType>("endCursor").Description("The cursor of the last item of the page; null when the page is empty.")
            .Resolve(c => c.Source.Nodes.Count == 0 ? null : Cursor.Encode(c.Source.StartOffset + c.Source.Nodes.Count - 1));
    }
}
