using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Core.Services;

/// <summary>
/// Resolves the ids an operation was given to node indexes, refusing unknown ids and wrong kinds with the argument
/// they came in: the same refusals from every store.
/// </summary>
internal static class GraphArguments
{
    public static int NodeIndex(this GraphSnapshot graph, string argument, string id) =>
        graph.TryGetIndex(id, out var index) ? index : throw GraphInputException.UnknownId(argument, id);

    public static int RoleIndex(this GraphSnapshot graph, string argument, string id)
    {
        var index = graph.NodeIndex(argument, id);
        return graph[index].Kind == NodeKind.Role ? index : throw GraphInputException.WrongKind(argument, id, "Role", graph[index].Kind.ToString());
    }
}
