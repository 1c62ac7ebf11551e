using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace RoleGraph.Api.Audit;

/// <summary>
/// Names the mutation a write belongs to for the audit trail ("mutation AddSql { upsertSkill link }"): the store
/// sees edits, not the GraphQL fields that asked for them. Queries pass untouched.
/// </summary>
internal sealed class AuditedOperation(IHttpContextAccessor http) : IConfigureExecution
{
    public const string ItemKey = "RoleGraph.Audit.Operation";

    public float SortOrder => 300;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is { } document && http.HttpContext is { } context && Mutation(document, options.OperationName) is { } mutation)
        {
            var fields = mutation.SelectionSet.Selections.OfType<GraphQLField>().Select(f => f.Name.StringValue);
            context.Items[ItemKey] = $"mutation {mutation.Name?.StringValue ?? "(anonymous)"} {{ {string.Join(' ', fields)} }}";
        }

        return next(options);
    }

    private static GraphQLOperationDefinition? Mutation(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? selected = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation && (operationName is null || operation.Name?.StringValue == operationName))
            {
                if (selected is not null && operationName is null)
                {
                    return null; // several operations and none named: the executer refuses it, nothing is written
                }

                selected = operation;
            }
        }

        return selected?.Operation == OperationType.Mutation ? selected : null;
    }
}
