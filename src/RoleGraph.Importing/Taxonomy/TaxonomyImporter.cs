using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Importing.Taxonomy;

/// <summary>
/// Imports taxonomy texts into a store, the same way for the GraphQL mutation and the command line: parse,
/// validate with every problem's place (links may reach nodes the store already holds when merging), then let the
/// store plan and apply the import atomically. An invalid document throws <see cref="TaxonomyValidationException"/>
/// and changes nothing.
/// </summary>
public static class TaxonomyImporter
{
    public static async Task<EditReport> ImportAsync(
        IGraphStore store, IReadOnlyList<(string Name, string Text, TaxonomyFormat Format)> documents, ImportMode mode, bool dryRun, CancellationToken cancellationToken)
    {
        var (document, parsers) = await ValidateAsync(store, documents, mode, cancellationToken);
        try
        {
            return await store.ApplyAsync(GraphEdit.Import(document, mode), dryRun, cancellationToken);
        }
        catch (GraphEditException e) when (parsers.Count == 1)
        {
            // A valid document the store still refuses (it clashes with what is stored): the edit lists nodes and
            // links in the document's order, so its paths are the document's, and the parser knows their places.
            throw new TaxonomyValidationException(e.Problems
                .Select(p => parsers[0].Locate(new TaxonomyProblem(parsers[0].File, "$." + p.Path, p.Message)))
                .ToList());
        }
    }

    private static async Task<(TaxonomyDocument Document, IReadOnlyList<TaxonomyParser> Parsers)> ValidateAsync(
        IGraphStore store, IReadOnlyList<(string Name, string Text, TaxonomyFormat Format)> documents, ImportMode mode, CancellationToken cancellationToken)
    {
        var parsers = documents.Select(d => TaxonomyParser.Parse(d.Name, d.Text, d.Format)).ToList();
        if (parsers.Any(p => p.Result is null))
        {
            throw new TaxonomyValidationException(parsers.SelectMany(p => p.Problems).ToList());
        }

        // The store's kinds for every id the documents mention, in one call: merged documents may link to the
        // store's nodes; in any mode an id must keep its kind (replace mode re-creates it instead).
        var mentioned = parsers.SelectMany(p => Ids(p.Result!)).ToHashSet(StringComparer.Ordinal);
        var stored = await store.GetKindsAsync(mentioned, cancellationToken);
        Func<string, NodeKind?>? existingKind = mode == ImportMode.Merge ? id => stored.TryGetValue(id, out var kind) ? kind : null : null;
        return (TaxonomyReader.Validate(parsers, existingKind), parsers);
    }

    private static IEnumerable<string> Ids(TaxonomyFile file) =>
        (file.Nodes ?? []).Select(n => n.Id)
            .Concat((file.Links ?? []).SelectMany(l => new[] { l.From, l.To }))
            .OfType<string>();
}
