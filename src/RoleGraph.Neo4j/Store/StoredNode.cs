using System.Text;
using System.Text.Json;
using RoleGraph.Core.Model;

namespace RoleGraph.Neo4j.Store;

/// <summary>
/// How a node is stored in Neo4j and read back. Besides the model's fields a node keeps its lower-cased name and
/// aliases joined (for search's text index), computed here with the same invariant lower-casing the embedded store
/// uses, so both stores match the same nodes.
/// </summary>
internal static class StoredNode
{
    /// <summary>Joins name and aliases in the searchable text. A match across it is a false candidate, which the
    /// in-process ranking drops; a real match is never missed.</summary>
    private const char SearchSeparator = '\n';

    /// <summary>
    /// The most UTF-8 bytes the indexed search text may hold: a text index takes a value of at most 32,766 bytes
    /// (a longer one fails the write with "Property value is too large to index"), less a margin.
    /// </summary>
    internal const int SearchTextBudget = 32_000;

    public static Dictionary<string, object?> ToRow(GraphNode node)
    {
        var (searchText, overflow) = SearchTexts(node);
        return new Dictionary<string, object?>(9, StringComparer.Ordinal)
        {
            ["id"] = node.Id,
            ["kind"] = node.Kind.ToString(),
            ["name"] = node.Name,
            ["description"] = node.Description,
            ["aliases"] = node.Aliases,
            ["properties"] = JsonSerializer.Serialize(node.Properties, StoreJsonContext.Default.IReadOnlyDictionaryStringString),
            ["searchText"] = searchText,
            ["searchOverflow"] = overflow,

            // Null, not false, when nothing overflowed: setting null removes the property, so the flag's index holds
            // only the nodes that overflowed.
            ["searchOverflowed"] = overflow is null ? null : true,
        };
    }

    /// <summary>
    /// The lower-cased name and aliases joined, as much of it as the text index takes (whole entries, the name
    /// first), and the rest, if any, for the second branch of <see cref="Cypher.ReadCypher.SearchCandidates"/>: an O*NET role
    /// has 2,751 alternate titles, some 48,000 characters.
    /// </summary>
    internal static (string SearchText, string? Overflow) SearchTexts(GraphNode node)
    {
        var entries = node.Aliases.Select(a => a.ToLowerInvariant()).Prepend(node.Name.ToLowerInvariant()).ToArray();
        var bytes = 0;
        var fit = 0;
        while (fit < entries.Length && bytes + Encoding.UTF8.GetByteCount(entries[fit]) + (fit > 0 ? 1 : 0) <= SearchTextBudget)
        {
            bytes += Encoding.UTF8.GetByteCount(entries[fit]) + (fit > 0 ? 1 : 0);
            fit++;
        }

        // The name alone always fits (NodeRules caps it far below the budget).
        fit = Math.Max(fit, 1);
        var searchText = string.Join(SearchSeparator, entries.Take(fit));
        return fit == entries.Length ? (searchText, null) : (searchText, string.Join(SearchSeparator, entries.Skip(fit)));
    }

    /// <summary>Reads the map ReadCypher returns for a node.</summary>
    public static GraphNode Read(JsonElement map)
    {
        var aliases = map.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.GetString()!).ToArray()
            : [];
        var properties = map.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.String
            ? JsonSerializer.Deserialize(p.GetString()!, StoreJsonContext.Default.DictionaryStringString) ?? []
            : (IReadOnlyDictionary<string, string>)GraphNode.NoProperties;
        return new GraphNode(
            map.GetProperty("id").GetString()!,
            ParseKind(map.GetProperty("kind").GetString()),
            map.GetProperty("name").GetString()!,
            map.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null,
            aliases,
            properties);
    }

    /// <summary>
    /// A node known only by id and kind: the far end of a link an operation must count but never shows. It keeps
    /// subgraphs closed, so that every link read has both its ends.
    /// </summary>
    public static GraphNode Placeholder(string id, NodeKind kind) => new(id, kind, "", null, [], GraphNode.NoProperties);

    public static NodeKind ParseKind(string? text) =>
        Enum.TryParse<NodeKind>(text, out var kind) ? kind : throw new InvalidDataException($"Neo4j holds a node of unknown kind '{text}'.");
}
