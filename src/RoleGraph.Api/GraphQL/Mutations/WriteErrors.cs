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
    /// <param name="inputPath">Turns the path of a problem in the store's edit (nodes[0].id, links[0].from,
    /// deleteNodes[0]) into the mutation's own argument path (input.id, fromId, id) for extensions.input; null
    /// leaves it out (a problem of the whole call, such as a link that does not exist).</param>
    public static async Task<T?> Guard<T>(IResolveFieldContext context, Func<Task<T>> write, Func<string, string?> inputPath)
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
                Add(context, problem.Message, problem.Code, new() { ["input"] = inputPath(problem.Path) });
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

    /// <summary>upsertX(input: ...): the edit's one node is the argument input.</summary>
    public static string? NodeInputPath(string editPath) => ArgumentPath(editPath, "nodes[0]", field => "input" + field);

    /// <summary>link(fromId, toId, relation, importance, level): each field of the edit's one link is an argument.</summary>
    public static string? LinkArgumentPath(string editPath) => ArgumentPath(editPath, "links[0]", field => field switch
    {
        ".from" => "fromId",
        ".to" => "toId",
        "" => null,
        _ => field[1..],
    });

    /// <summary>deleteNode(id, cascade): the edit's one deleted node is the argument id.</summary>
    public static string? DeleteNodeArgumentPath(string editPath) => ArgumentPath(editPath, "deleteNodes[0]", _ => "id");

    /// <summary>unlink(fromId, toId, relation): its one problem, no such link, is about all three together.</summary>
    public static string? UnlinkArgumentPath(string editPath) => null;

    private static string? ArgumentPath(string editPath, string prefix, Func<string, string?> map) =>
        editPath.StartsWith(prefix, StringComparison.Ordinal) ? map(editPath[prefix.Length..]) : null;

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
