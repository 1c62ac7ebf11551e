using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using RoleGraph.Api.GraphQL;
using RoleGraph.Api.Limits;

namespace RoleGraph.Api.Http;

/// <summary>
/// Drops the limit rules whose verdict depends only on the document (cost and depth, aliases and directives, the
/// introspection ban) when the document is one <see cref="ValidatedDocumentCache"/> handed out: it passed them
/// before, with the same limits (they are read once at start-up), and a cached document never has variables. The
/// rules are appended by their configurations on every execution; this runs after them. Any other rule (one added
/// later, or one that looks at the user) still runs. With no rule left, GraphQL.NET skips both passes of its
/// validation visitor and only parses the arguments: a profile of role-with-skills over HTTP put the visitor and
/// the cost analysis at ~7 % of the request.
/// </summary>
internal sealed class RepeatedDocumentRules(ValidatedDocumentCache validated) : IConfigureExecution
{
    /// <summary>After the rules' own configurations (GraphQL.NET appends them at 100).</summary>
    public float SortOrder => 150;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is { } document && options.Variables is null or { Count: 0 } && options.ValidationRules is { } rules && validated.Holds(document))
        {
            var remaining = rules.Where(rule => !DependsOnDocumentOnly(rule)).ToArray();
            options.ValidationRules = remaining;
        }

        return next(options);
    }

    private static bool DependsOnDocumentOnly(IValidationRule rule) =>
        rule is ComplexityValidationRule or AliasAndDirectiveLimitRule or NoIntrospectionValidationRule or GraphQLServiceCollectionExtensions.NoOpValidationRule;
}
