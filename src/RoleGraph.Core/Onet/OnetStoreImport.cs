using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Core.Onet;

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
        // The reader asks about tens of thousands of candidate ids, so it gets an in-memory view of the store.
        var current = await store.ExportAsync(cancellationToken);
        var existing = current.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var file = OnetReader.Read(directory, options, id => existing.TryGetValue(id, out var node) ? node.Kind : null, progress);
        var document = TaxonomyValidator.Validate([(Path.GetFullPath(directory), file)]);

        var nodes = document.Nodes.Select(node => existing.TryGetValue(node.Id, out var held) && held.Kind == node.Kind ? Merge(held, node) : node).ToArray();
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
