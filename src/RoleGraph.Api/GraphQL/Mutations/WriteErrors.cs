using GraphQL;
using RoleGraph.Api.GraphQL.Errors;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Api.GraphQL.Mutations;

/// <summary>
/// Turns a refused write into one GraphQL error per problem, each with its code and place, so a client sees
/// everything wrong at once. The field itself then answers null.
/// </summary>
internal static class WriteErrors
{
    public static async Task<T?> Guard<T>(IResolveFieldContext context, Func<Task<T>> write)
        where T : class
    {
        try
        {
            return await write();
        }
        catch (GraphEditException e)
        {
            foreach (var problem in e.Problems)
            {
                Add(context, problem.Message, problem.Code, new() { ["input"] = problem.Path });
            }
        }
        catch (TaxonomyValidationException e)
        {
            foreach (var problem in e.Problems)
            {
                Add(context, problem.Message, ErrorCodes.BadUserInput, new()
                {
                    ["file"] = problem.File,
                    ["line"] = problem.Line,
                    ["column"] = problem.Column,
                    ["jsonPath"] = problem.Path,
                });
            }
        }

        return null;
    }

    private static void Add(IResolveFieldContext context, string message, string code, Dictionary<string, object?> place)
    {
        var error = new ExecutionError(message) { Code = code, Path = context.ResponsePath }; // the alias, where the query gave one
        error.AddLocation(context.FieldAst, context.Document);
        foreach (var (key, value) in place.Where(p => p.Value is not null))
        {
            error.Data[key] = value;
        }

        context.Errors.Add(error);
    }
}
