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
        var validator = new Validator(existingKind);
        foreach (var (file, content) in files)
        {
            validator.CheckFormatVersion(file, content);
            validator.ReadHeader(file, content);
            validator.ReadSources(file, content);
            validator.ReadNodes(file, content);
            validator.CollectLinks(file, content);
        }

        // Links last: they may join nodes of any file.
        validator.ReadLinks();
        validator.ThrowIfProblems();
        return validator.Result();
    }

    /// <summary>
    /// One validation: the problems found, the headers and nodes read so far, and the links waiting for every file's
    /// nodes. The steps run in <see cref="Validate"/>'s order, which is the order of the problems reported.
    /// </summary>
    private sealed class Validator(Func<string, NodeKind?>? existingKind)
    {
        private readonly List<TaxonomyProblem> _problems = [];
        private readonly List<TaxonomyHeader> _headers = [];
        private readonly Dictionary<string, (GraphNode Node, string File, string Path)> _nodes = new(StringComparer.Ordinal);
        private readonly List<(string File, string Path, TaxonomyFileLink Link)> _pendingLinks = [];
        private readonly List<GraphLink> _links = [];
        private readonly HashSet<(string, string, RelationKind)> _seen = [];

        public void CheckFormatVersion(string file, TaxonomyFile content)
        {
            if (content.FormatVersion != TaxonomyFile.CurrentFormatVersion)
            {
                Problem(file, "$.formatVersion", content.FormatVersion is null
                    ? $"Missing; this reader understands formatVersion {TaxonomyFile.CurrentFormatVersion}."
                    : $"Unsupported format version {content.FormatVersion}; this reader understands {TaxonomyFile.CurrentFormatVersion}.");
            }
        }

        public void ReadHeader(string file, TaxonomyFile content)
        {
            if (string.IsNullOrWhiteSpace(content.Taxonomy?.Name))
            {
                Problem(file, "$.taxonomy.name", "Every taxonomy needs a name.");
            }
            else if (content.Sources is not { Count: > 0 })
            {
                var h = content.Taxonomy;
                _headers.Add(new TaxonomyHeader(h.Name.Trim(), h.Version, h.Source, h.License));
            }
        }

        /// <summary>An assembled taxonomy (an export) names the taxonomies it came from; those carry the provenance.</summary>
        public void ReadSources(string file, TaxonomyFile content)
        {
            for (var s = 0; s < (content.Sources?.Count ?? 0); s++)
            {
                var source = content.Sources![s];
                if (string.IsNullOrWhiteSpace(source.Name))
                {
                    Problem(file, $"$.sources[{s}].name", "Every source needs a name.");
                }
                else
                {
                    _headers.Add(new TaxonomyHeader(source.Name.Trim(), source.Version, source.Source, source.License));
                }
            }
        }

        public void ReadNodes(string file, TaxonomyFile content)
        {
            for (var i = 0; i < (content.Nodes?.Count ?? 0); i++)
            {
                ReadNode(file, $"$.nodes[{i}]", content.Nodes![i]);
            }
        }

        public void CollectLinks(string file, TaxonomyFile content)
        {
            for (var i = 0; i < (content.Links?.Count ?? 0); i++)
            {
                _pendingLinks.Add((file, $"$.links[{i}]", content.Links![i]));
            }
        }

        public void ReadLinks()
        {
            foreach (var (file, path, raw) in _pendingLinks)
            {
                ReadLink(file, path, raw);
            }
        }

        public void ThrowIfProblems()
        {
            if (_problems.Count > 0)
            {
                throw new TaxonomyValidationException(_problems);
            }
        }

        public TaxonomyDocument Result() => new(_headers, _nodes.Values.Select(v => v.Node).ToArray(), _links);

        private void ReadNode(string file, string path, TaxonomyFileNode raw)
        {
            var ok = true;
            foreach (var (field, message) in NodeRules.LengthProblems(raw.Id, raw.Name, raw.Description, raw.Aliases, raw.Properties))
            {
                Problem(file, $"{path}.{field}", message);
                ok = false;
            }

            if (!ok)
            {
                return;
            }

            if (!NodeRules.IsSlug(raw.Id))
            {
                Problem(file, $"{path}.id", NodeRules.NotASlug(raw.Id));
                ok = false;
            }

            // By exact name: Enum.TryParse would also take numbers and flag lists such as "Role,Category".
            var kindName = raw.Kind is not null && KindNames.TryGetValue(raw.Kind, out var known) ? known : null;
            var kind = kindName is null ? default : Enum.Parse<NodeKind>(kindName);
            if (kindName is null)
            {
                Problem(file, $"{path}.kind", $"Unknown kind '{raw.Kind}'; expected one of {string.Join(", ", Enum.GetNames<NodeKind>())}.");
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(raw.Name))
            {
                Problem(file, $"{path}.name", "Missing name.");
                ok = false;
            }

            if (!ok)
            {
                return;
            }

            if (existingKind?.Invoke(raw.Id!) is { } storedKind && storedKind != kind)
            {
                Problem(file, $"{path}.id", $"The id '{raw.Id}' belongs to a {storedKind} in the store; it cannot also name a {kind}.");
                return;
            }

            if (_nodes.TryGetValue(raw.Id!, out var existing))
            {
                Problem(file, $"{path}.id", $"Duplicate id '{raw.Id}': already used by a {existing.Node.Kind} at {existing.File} {existing.Path}.");
                return;
            }

            var node = new GraphNode(
                raw.Id!,
                kind,
                raw.Name!.Trim(),
                string.IsNullOrWhiteSpace(raw.Description) ? null : raw.Description.Trim(),
                (raw.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                raw.Properties is { Count: > 0 } p ? new Dictionary<string, string>(p, StringComparer.Ordinal) : GraphNode.NoProperties);
            _nodes.Add(node.Id, (node, file, path));
        }

        private void ReadLink(string file, string path, TaxonomyFileLink raw)
        {
            var ok = RelationRules.TryParseWireName(raw.Relation, out var relation);
            if (!ok)
            {
                Problem(file, $"{path}.relation", $"Unknown relation '{raw.Relation}'; expected one of {string.Join(", ", Enum.GetValues<RelationKind>().Select(RelationRules.WireName))}.");
            }

            var from = Endpoint(file, raw.From, $"{path}.from");
            var to = Endpoint(file, raw.To, $"{path}.to");
            if (!ok || from is null || to is null)
            {
                return;
            }

            var link = new GraphLink(from.Id, to.Id, relation, raw.Importance, raw.Level);
            var linkProblems = RelationRules.HasProblems(link, from.Kind, to.Kind) ? RelationRules.Problems(link, from.Kind, to.Kind).ToList() : [];
            foreach (var (field, message) in linkProblems)
            {
                Problem(file, field == "relation" ? path : $"{path}.{field}", message);
            }

            if (linkProblems.Count > 0)
            {
                return;
            }

            if (RelationRules.IsSymmetric(relation) && _seen.Contains((to.Id, from.Id, relation)))
            {
                Problem(file, path, $"{RelationRules.WireName(relation)} is symmetric: {to.Id} -{RelationRules.WireName(relation)}-> {from.Id} already says this.");
                return;
            }

            if (!_seen.Add((from.Id, to.Id, relation)))
            {
                Problem(file, path, $"Duplicate link {from.Id} -{RelationRules.WireName(relation)}-> {to.Id}.");
                return;
            }

            _links.Add(link);
        }

        private GraphNode? Endpoint(string file, string? id, string where)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                Problem(file, where, "Missing node id.");
                return null;
            }

            if (_nodes.TryGetValue(id, out var entry))
            {
                return entry.Node;
            }

            if (existingKind?.Invoke(id) is { } stored)
            {
                return new GraphNode(id, stored, id, null, [], GraphNode.NoProperties); // the store's node: only id and kind matter here
            }

            Problem(file, where, $"No node has the id '{id}'.");
            return null;
        }

        private void Problem(string file, string path, string message) => _problems.Add(new TaxonomyProblem(file, path, message));
    }
}
