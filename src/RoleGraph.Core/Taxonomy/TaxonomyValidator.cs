using System.Text.RegularExpressions;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Taxonomy;

/// <summary>
/// Turns parsed taxonomy files into one graph document, checking everything a store relies on: format version,
/// ids (slugs, unique across kinds and files), kinds, names, link endpoints and the kinds each relation joins,
/// weights in 0..1 on relations that carry them, duplicate links. Reports every problem at once.
/// </summary>
public static partial class TaxonomyValidator
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();

    public static TaxonomyDocument Validate(IReadOnlyList<(string File, TaxonomyFile Content)> files)
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
            else
            {
                var h = content.Taxonomy;
                headers.Add(new TaxonomyHeader(h.Name.Trim(), h.Version, h.Source, h.License));
            }

            for (var i = 0; i < (content.Nodes?.Count ?? 0); i++)
            {
                var path = $"$.nodes[{i}]";
                var raw = content.Nodes![i];
                var ok = true;
                if (string.IsNullOrWhiteSpace(raw.Id) || !Slug().IsMatch(raw.Id))
                {
                    Problem($"{path}.id", raw.Id is null ? "Missing id." : $"Id '{raw.Id}' is not a slug (lower-case letters and digits, single dashes between).");
                    ok = false;
                }

                // By exact name: Enum.TryParse would also take numbers and flag lists such as "Role,Category".
                var kindName = Enum.GetNames<NodeKind>().FirstOrDefault(n => n.Equals(raw.Kind, StringComparison.OrdinalIgnoreCase));
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

            if (!RelationRules.Allows(relation, from.Kind, to.Kind))
            {
                Problem(path, $"{RelationRules.WireName(relation)} joins {RelationRules.Describe(relation)}, not {from.Kind} '{from.Id}' -> {to.Kind} '{to.Id}'.");
                continue;
            }

            ok &= Weight(raw.Importance, "importance", RelationRules.HasImportance(relation), relation, path, Problem);
            ok &= Weight(raw.Level, "level", RelationRules.HasLevel(relation), relation, path, Problem);
            if (!ok)
            {
                continue;
            }

            if (!seen.Add((from.Id, to.Id, relation)))
            {
                Problem(path, $"Duplicate link {from.Id} -{RelationRules.WireName(relation)}-> {to.Id}.");
                continue;
            }

            links.Add(new GraphLink(from.Id, to.Id, relation, raw.Importance, raw.Level));

            GraphNode? Endpoint(string? id, string where)
            {
                if (string.IsNullOrWhiteSpace(id))
                {
                    Problem(where, "Missing node id.");
                    return null;
                }

                if (!nodes.TryGetValue(id, out var entry))
                {
                    Problem(where, $"No node has the id '{id}'.");
                    return null;
                }

                return entry.Node;
            }
        }

        if (problems.Count > 0)
        {
            throw new TaxonomyValidationException(problems);
        }

        return new TaxonomyDocument(headers, nodes.Values.Select(v => v.Node).ToArray(), links);
    }

    private static bool Weight(double? value, string field, bool carries, RelationKind relation, string path, Action<string, string> problem)
    {
        if (value is null)
        {
            return true;
        }

        if (!carries)
        {
            problem($"{path}.{field}", $"{RelationRules.WireName(relation)} links carry no {field}.");
            return false;
        }

        if (double.IsNaN(value.Value) || value < 0 || value > 1)
        {
            problem($"{path}.{field}", $"The {field} must be between 0 and 1; got {value}.");
            return false;
        }

        return true;
    }
}
