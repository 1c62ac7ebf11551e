using RoleGraph.Core.Model;

namespace RoleGraph.Core.Taxonomy;

/// <summary>
/// Turns parsed taxonomy files into one graph document, checking everything a store relies on: format version,
/// ids (slugs, unique across kinds and files), kinds, names, link endpoints and the kinds each relation joins,
/// weights in 0..1 on relations that carry them, duplicate links. Reports every problem at once.
/// </summary>
public static class TaxonomyValidator
{
    private static readonly Dictionary<string, string> KindNames = Enum.GetNames<NodeKind>().ToDictionary(n => n, StringComparer.OrdinalIgnoreCase);

    /// <param name="existingKind">For a merge into a store: the kind of a node the store already holds, or null.
    /// Links may then reach such nodes, and a node may not change the kind of one.</param>
    public static TaxonomyDocument Validate(IReadOnlyList<(string File, TaxonomyFile Content)> files, Func<string, NodeKind?>? existingKind = null)
    {
        var problems = new List<TaxonomyProblem>();
        var headers = new List<TaxonomyHeader>();
        var nodes = new Dictionary<string, (GraphNode Node, string File, string Path)>(StringComparer.Ordinal);
        var pendingLinks = new List<(string File, string Path, TaxonomyFileLink Link)>();

        foreach (var (file, content) in files)
        {
            void Problem(string path, string message) => problems.Add(new TaxonomyProblem(file, path, message));

            if (content.FormatVersion != TaxonomyFile.CurrentFormatVersion)
            {
                Problem("$.formatVersion", content.FormatVersion is null
                    ? $"Missing; this reader understands formatVersion {TaxonomyFile.CurrentFormatVersion}."
                    : $"Unsupported format version {content.FormatVersion}; this reader understands {TaxonomyFile.CurrentFormatVersion}.");
            }

            if (string.IsNullOrWhiteSpace(content.Taxonomy?.Name))
            {
                Problem("$.taxonomy.name", "Every taxonomy needs a name.");
            }
            else if (content.Sources is not { Count: > 0 })
            {
                var h = content.Taxonomy;
                headers.Add(new TaxonomyHeader(h.Name.Trim(), h.Version, h.Source, h.License));
            }

            // An assembled taxonomy (an export) names the taxonomies it came from; those carry the provenance.
            for (var s = 0; s < (content.Sources?.Count ?? 0); s++)
            {
                var source = content.Sources![s];
                if (string.IsNullOrWhiteSpace(source.Name))
                {
                    Problem($"$.sources[{s}].name", "Every source needs a name.");
                }
                else
                {
                    headers.Add(new TaxonomyHeader(source.Name.Trim(), source.Version, source.Source, source.License));
                }
            }

            for (var i = 0; i < (content.Nodes?.Count ?? 0); i++)
            {
                var path = $"$.nodes[{i}]";
                var raw = content.Nodes![i];
                var ok = true;
                if (!NodeRules.IsSlug(raw.Id))
                {
                    Problem($"{path}.id", NodeRules.NotASlug(raw.Id));
                    ok = false;
                }

                // By exact name: Enum.TryParse would also take numbers and flag lists such as "Role,Category".
                var kindName = raw.Kind is not null && KindNames.TryGetValue(raw.Kind, out var known) ? known : null;
                var kind = kindName is null ? default : Enum.Parse<NodeKind>(kindName);
                if (kindName is null)
                {
                    Problem($"{path}.kind", $"Unknown kind '{raw.Kind}'; expected one of {string.Join(", ", Enum.GetNames<NodeKind>())}.");
                    ok = false;
                }

                if (string.IsNullOrWhiteSpace(raw.Name))
                {
                    Problem($"{path}.name", "Missing name.");
                    ok = false;
                }

                if (!ok)
                {
                    continue;
                }

                if (existingKind?.Invoke(raw.Id!) is { } storedKind && storedKind != kind)
                {
                    Problem($"{path}.id", $"The id '{raw.Id}' belongs to a {storedKind} in the store; it cannot also name a {kind}.");
                    continue;
                }

                if (nodes.TryGetValue(raw.Id!, out var existing))
                {
                    Problem($"{path}.id", $"Duplicate id '{raw.Id}': already used by a {existing.Node.Kind} at {existing.File} {existing.Path}.");
                    continue;
                }

                var node = new GraphNode(
                    raw.Id!,
                    kind,
                    raw.Name!.Trim(),
                    string.IsNullOrWhiteSpace(raw.Description) ? null : raw.Description.Trim(),
                    (raw.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                    raw.Properties is { Count: > 0 } p ? new Dictionary<string, string>(p, StringComparer.Ordinal) : GraphNode.NoProperties);
                nodes.Add(node.Id, (node, file, path));
            }

            for (var i = 0; i < (content.Links?.Count ?? 0); i++)
            {
                pendingLinks.Add((file, $"$.links[{i}]", content.Links![i]));
            }
        }

        var links = new List<GraphLink>();
        var seen = new HashSet<(string, string, RelationKind)>();
        foreach (var (file, path, raw) in pendingLinks)
        {
            void Problem(string where, string message) => problems.Add(new TaxonomyProblem(file, where, message));

            var ok = RelationRules.TryParseWireName(raw.Relation, out var relation);
            if (!ok)
            {
                Problem($"{path}.relation", $"Unknown relation '{raw.Relation}'; expected one of {string.Join(", ", Enum.GetValues<RelationKind>().Select(RelationRules.WireName))}.");
            }

            var from = Endpoint(raw.From, $"{path}.from");
            var to = Endpoint(raw.To, $"{path}.to");
            if (!ok || from is null || to is null)
            {
                continue;
            }

            var link = new GraphLink(from.Id, to.Id, relation, raw.Importance, raw.Level);
            var linkProblems = RelationRules.HasProblems(link, from.Kind, to.Kind) ? RelationRules.Problems(link, from.Kind, to.Kind).ToList() : [];
            foreach (var (field, message) in linkProblems)
            {
                Problem(field == "relation" ? path : $"{path}.{field}", message);
            }

            if (linkProblems.Count > 0)
            {
                continue;
            }

            if (RelationRules.IsSymmetric(relation) && seen.Contains((to.Id, from.Id, relation)))
            {
                Problem(path, $"{RelationRules.WireName(relation)} is symmetric: {to.Id} -{RelationRules.WireName(relation)}-> {from.Id} already says this.");
                continue;
            }

            if (!seen.Add((from.Id, to.Id, relation)))
            {
                Problem(path, $"Duplicate link {from.Id} -{RelationRules.WireName(relation)}-> {to.Id}.");
                continue;
            }

            links.Add(link);

            GraphNode? Endpoint(string? id, string where)
            {
                if (string.IsNullOrWhiteSpace(id))
                {
                    Problem(where, "Missing node id.");
                    return null;
                }

                if (nodes.TryGetValue(id, out var entry))
                {
                    return entry.Node;
                }

                if (existingKind?.Invoke(id) is { } stored)
                {
                    return new GraphNode(id, stored, id, null, [], GraphNode.NoProperties); // the store's node: only id and kind matter here
                }

                Problem(where, $"No node has the id '{id}'.");
                return null;
            }
        }

        if (problems.Count > 0)
        {
            throw new TaxonomyValidationException(problems);
        }

        return new TaxonomyDocument(headers, nodes.Values.Select(v => v.Node).ToArray(), links);
    }
}
