using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using RoleGraph.Api.Limits;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.Errors;

/// <summary>
/// Shapes every error the same way: a message, and extensions with a <c>code</c> from <see cref="ErrorCodes"/>,
/// plus the argument and value a bad input names. Internal details leave the server only in Development.
/// </summary>
internal sealed class RoleGraphErrorInfoProvider(bool exposeInternalDetails, Func<LimitsOptions> limits) : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var error = executionError;
        var extensions = new Dictionary<string, object?>();
        var message = error.Message;
        var cause = error.InnerException;

        switch (error)
        {
            case LimitExceededError limit:
                extensions["code"] = limit.Code;
                break;
            case global::GraphQL.Validation.Errors.Custom.NoIntrospectionError:
                extensions["code"] = LimitCodes.Introspection;
                message = "Introspection is switched off on this server (AllowIntrospection is false).";
                break;
            case TimeoutError:
                extensions["code"] = LimitCodes.Timeout;
                message = $"The operation ran longer than {limits().ExecutionTimeout:c}, the limit (ExecutionTimeout).";
                break;
            case SyntaxError:
                extensions["code"] = ErrorCodes.ParseFailed;
                break;
            case InvalidVariableError:
                extensions["code"] = ErrorCodes.BadUserInput;
                break;
            case ValidationError validation:
                extensions["code"] = ErrorCodes.ValidationFailed;
                if (validation.Number is { Length: > 0 } rule)
                {
                    extensions["specifiedBy"] = $"https://spec.graphql.org/October2021/#sec-{rule}";
                }

                break;
            case global::GraphQL.Execution.InvalidOperationNameError or global::GraphQL.Execution.NoOperationNameError or global::GraphQL.Execution.NoOperationError:
                // Which operation to run cannot be told: GraphQL.NET has three codes for it (INVALID_OPERATION_NAME,
                // NO_OPERATION_NAME, NO_OPERATION); clients get the one the README documents.
                extensions["code"] = ErrorCodes.InvalidOperationName;
                break;
            case RequestError:
                extensions["code"] = ErrorCodes.BadRequest;
                break;
            default:
                if (cause is GraphInputException input)
                {
                    message = input.Message;
                    extensions["code"] = ErrorCodes.BadUserInput;
                    if (input.Argument is not null)
                    {
                        extensions["argument"] = input.Argument;
                    }

                    if (input.Value is not null)
                    {
                        extensions["value"] = input.Value is Enum e ? e.ToString().ToUpperInvariant() : input.Value.ToString();
                    }
                }
                else if (StoreFaults.CodeOf(cause) is { } storeCode)
                {
                    extensions["code"] = storeCode;
                    message = storeCode switch
                    {
                        ErrorCodes.StoreAuthFailed => "The graph store refused the service's credentials; an operator must correct Neo4j:User and Neo4j:Password.",
                        ErrorCodes.StoreBusy => "Another write holds the graph's lock (an import may be running); nothing was changed, try again when it has finished.",
                        _ => "The graph store is unavailable right now; try again shortly.",
                    };
                    if (exposeInternalDetails)
                    {
                        message += $" {cause!.Message}";
                    }
                }
                else if (error is UnhandledError)
                {
                    extensions["code"] = ErrorCodes.Internal;
                    message = exposeInternalDetails && cause is not null ? $"{error.Message} {cause.GetType().Name}: {cause.Message}" : "An internal error occurred.";
                    if (exposeInternalDetails && cause is not null)
                    {
                        extensions["exception"] = cause.ToString();
                    }
                }
                else
                {
                    extensions["code"] = error.Code ?? ErrorCodes.Internal;
                }

                break;
        }

        foreach (var (key, value) in error.Data.Cast<System.Collections.DictionaryEntry>().Select(d => (d.Key.ToString()!, d.Value)))
        {
            extensions.TryAdd(key, value);
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }
}
