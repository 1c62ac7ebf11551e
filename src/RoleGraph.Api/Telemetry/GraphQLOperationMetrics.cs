using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using RoleGraph.Api.Limits;

namespace RoleGraph.Api.Telemetry;

/// <summary>
/// Times every GraphQL execution for rolegraph.graphql.operation.duration (type, name, outcome: OK or the first
/// error's code) and counts the executions a limit refused. Runs around the executer, so both endpoints (JSON and
/// event streams) are measured alike.
/// </summary>
internal sealed class GraphQLOperationMetrics(RoleGraphMetrics metrics, IErrorInfoProvider errors) : IConfigureExecution
{
    private static readonly HashSet<string> LimitCodeSet =
    [
        LimitCodes.Depth, LimitCodes.Complexity, LimitCodes.Aliases, LimitCodes.Directives, LimitCodes.Timeout, LimitCodes.Introspection,
    ];

    /// <summary>After the telemetry span has started, so the span covers this too.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await next(options);
        var operation = result.Operation;
        // The code clients see is decided when the error is shaped for the answer; ask the same provider.
        var outcome = result.Errors is { Count: > 0 } list
            ? errors.GetInfo(list[0]).Extensions?.TryGetValue("code", out var code) == true && code is string text ? text : "ERROR"
            : "OK";
        metrics.Operation(
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            TypeName(operation?.Operation),
            operation?.Name?.StringValue ?? options.OperationName ?? "(anonymous)",
            outcome);
        if (LimitCodeSet.Contains(outcome))
        {
            metrics.Refused(outcome);
        }

        return result;
    }

    // Constants rather than the enum's text lowered on every request.
    private static string TypeName(OperationType? type) => type switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "unknown",
    };
}
