using GraphQL.Types;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.Paging;

internal sealed class StringOperationFilterInputType : InputObjectGraphType<StringFilter>
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Description = "Operations on a string field. All comparisons are case-insensitive; every operation given must hold.";
        Field<StringGraphType>("eq").Description("Equal to.");
        Field<StringGraphType>("neq").Description("Not equal to.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("in").Description("Equal to one of.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("nin").Description("Equal to none of.");
        Field<StringGraphType>("contains").Description("Contains.");
        Field<StringGraphType>("ncontains").Description("Does not contain.");
        Field<StringGraphType>("startsWith").Description("Starts with.");
        Field<StringGraphType>("nstartsWith").Description("Does not start with.");
        Field<StringGraphType>("endsWith").Description("Ends with.");
        Field<StringGraphType>("nendsWith").Description("Does not end with.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new StringFilter
    {
        Eq = Get(value, "eq") as string,
        Neq = Get(value, "neq") as string,
        In = Strings(Get(value, "in")),
        Nin = Strings(Get(value, "nin")),
        Contains = Get(value, "contains") as string,
        NContains = Get(value, "ncontains") as string,
        StartsWith = Get(value, "startsWith") as string,
        NStartsWith = Get(value, "nstartsWith") as string,
        EndsWith = Get(value, "endsWith") as string,
        NEndsWith = Get(value, "nendsWith") as string,
    };

    private static string[]? Strings(object? list) => (list as IEnumerable<object?>)?.OfType<string>().ToArray();

    private static object? Get(IDictionary<string, object?> value, string key) => value.TryGetValue(key, out var v) ? v : null;
}
