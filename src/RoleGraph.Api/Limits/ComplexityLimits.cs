using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace RoleGraph.Api.Limits;

/// <summary>
/// Judges GraphQL.NET's depth and cost figures against <see cref="LimitsOptions"/>, with RoleGraph's own codes and
/// messages. An operation that only introspects the schema (the IDE's start-up query) is exempt.
/// </summary>
internal static class ComplexityLimits
{
    public static void Configure(ComplexityOptions options, LimitsOptions limits)
    {
        options.MaxDepth = null;
        options.MaxComplexity = null;
        options.ValidateComplexityDelegate = context =>
        {
            if (IsIntrospectionOnly(context.ValidationContext.Operation))
            {
                context.Error = null;
            }
            else if (context.MaxDepth > limits.MaxDepth)
            {
                context.Error = new LimitExceededError(LimitCodes.Depth, $"The operation is {context.MaxDepth} levels deep; the limit (MaxDepth) is {limits.MaxDepth}.");
            }
            else if (context.TotalImpact > limits.MaxComplexity)
            {
                context.Error = new LimitExceededError(LimitCodes.Complexity,
                    $"The operation's estimated cost is {context.TotalImpact:0}; the limit (MaxComplexity) is {limits.MaxComplexity}. Ask for smaller pages (first/last) or fewer nested lists.");
            }

            return Task.CompletedTask;
        };
    }

    private static bool IsIntrospectionOnly(GraphQLOperationDefinition? operation) =>
        operation?.SelectionSet.Selections.All(s => s is GraphQLField field && field.Name.Value.Span.StartsWith("__", StringComparison.Ordinal)) == true;
}
