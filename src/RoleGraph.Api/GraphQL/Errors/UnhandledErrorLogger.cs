using GraphQL.Execution;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.Errors;

/// <summary>
/// Logs faults that reach the client as INTERNAL, with the field they broke; a caller's bad input is an answer,
/// not a fault, and is not logged.
/// </summary>
internal static partial class UnhandledErrorLogger
{
    /// <summary>Where the HTTP handler puts the request id (the X-Request-Id header's value) for the log line.</summary>
    public const string RequestIdKey = "requestId";

    public static Task LogAsync(UnhandledExceptionContext context)
    {
        if (context.OriginalException is not GraphInputException and not OperationCanceledException)
        {
            var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("RoleGraph.Api.GraphQL");
            if (logger is not null)
            {
                var requestId = context.Context?.UserContext.TryGetValue(RequestIdKey, out var id) == true ? id as string : null;
                var path = context.FieldContext?.Path is { } fieldPath ? string.Join('.', fieldPath) : "(request)";
                if (StoreFaults.IsOutage(context.OriginalException))
                {
                    // An outage is the store's state, not a bug here: one line without a stack trace per failed field.
                    LogStoreOutage(logger, requestId ?? "-", path, context.OriginalException.Message);
                }
                else
                {
                    LogFault(logger, requestId ?? "-", path, context.OriginalException);
                }
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: the graph store failed at {Path}: {Reason}")]
    private static partial void LogStoreOutage(ILogger logger, string requestId, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId}: GraphQL execution failed at {Path}")]
    private static partial void LogFault(ILogger logger, string requestId, string path, Exception exception);
}
