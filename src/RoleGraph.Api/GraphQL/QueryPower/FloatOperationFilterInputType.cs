using GraphQL.Types;
using RoleGraph.Core.Queries;
using static RoleGraph.Api.GraphQL.QueryPower.InputValues;

namespace RoleGraph.Api.GraphQL.QueryPower;

internal sealed class FloatOperationFilterInputType : InputObjectGraphType<NumberFilter>
{
    public FloatOperationFilterInputType()
    {
        Name = "FloatOperationFilterInput";
        Description = "Comparisons on a number of a link (importance, level), as Hot Chocolate's. Every operation given must hold; "
            + "a link without the number matches none.";
        Field<FloatGraphType>("eq").Description("Equal to.");
        Field<FloatGraphType>("neq").Description("Not equal to.");
        Field<ListGraphType<NonNullGraphType<FloatGraphType>>>("in").Description("Equal to one of.");
        Field<ListGraphType<NonNullGraphType<FloatGraphType>>>("nin").Description("Equal to none of.");
        Field<FloatGraphType>("gt").Description("Greater than.");
        Field<FloatGraphType>("gte").Description("Greater than or equal to.");
        Field<FloatGraphType>("lt").Description("Less than.");
        Field<FloatGraphType>("lte").Description("Less than or equal to.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new NumberFilter
    {
        Eq = Number(value, "eq"),
        Neq = Number(value, "neq"),
        In = Numbers(value, "in"),
        Nin = Numbers(value, "nin"),
        Gt = Number(value, "gt"),
        Gte = Number(value, "gte"),
        Lt = Number(value, "lt"),
        Lte = Number(value, "lte"),
    };
}
