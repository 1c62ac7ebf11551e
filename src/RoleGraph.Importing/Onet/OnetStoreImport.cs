using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Importing.Onet;

/// <summary>
/// Imports the O*NET database into a store that may already hold other taxonomies (the seed). Ids follow
/// <see cref="OnetReader"/>'s policy against what the store holds. Where an O*NET node lands on a node of the same
/// id and kind, they are one concept: the store's name and description stay (they were chosen by whoever wrote that
/// taxonomy), O*NET's aliases and properties are added. Applied as one merge: all of it or none of it.
/// </summary>
public static class OnetStoreImport
{
    public static async Task<EditReport> ImportAsync(
        IGraphStore store, string directory, OnetImportOptions options, bool dryRun, IProgress<OnetProgress>? progress, CancellationToken cancellationToken)
    {
        // The reader asks about tens of thousands of candidate ids, so it gets every id's kind in one call; whole
        // nodes are read only for the few concepts O*NET shares with the store.
        var kinds = await store.GetKindsAsync(null, cancellationToken);
        var file = OnetReader.Read(directory, options, id => kinds.TryGetValue(id, out var kind) ? kind : null, progress);
        var document = TaxonomyValidator.Validate([(Path.GetFullPath(directory), file)]);

        var shared = document.Nodes.Where(node => kinds.TryGetValue(node.Id, out var kind) && kind == node.Kind).Select(node => node.Id).ToArray();
        var existing = shared.Length == 0 ? new Dictionary<string, GraphNode>() : await store.GetNodesAsync(shared, cancellationToken);
        var nodes = document.Nodes.Select(node => existing.TryGetValue(node.Id, out var held) ? Merge(held, node) : node).ToArray();
        return await store.ApplyAsync(GraphEdit.Import(document with { Nodes = nodes }, ImportMode.Merge), dryRun, cancellationToken);
    }

    private static GraphNode Merge(GraphNode held, GraphNode incoming)
    {
        var properties = new Dictionary<string, string>(incoming.Properties, StringComparer.Ordinal);
        foreach (var (key, value) in held.Properties)
        {
            properties[key] = value;
        }

        var aliases = held.Aliases
            .Concat(incoming.Aliases.Append(incoming.Name))
            .Where(a => !a.Equals(held.Name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return held with { Description = held.Description ?? incoming.Description, Aliases = aliases, Properties = properties };
    }
}
