using System.Text.Json;
using RoleGraph.Core.Model;

namespace RoleGraph.Neo4j.Store;

/// <summary>
/// How a node is stored in Neo4j and read back. Besides the model's fields a node keeps its lower-cased name (for
/// lists) and the lower-cased name and aliases joined (for search's text index), both computed here with the
/// same invariant lower-casing the embedded store uses, so both stores match the same nodes.
/// </summary>
internal static class StoredNode
{
    /// <summary>Joins name and aliases in the searchable text. A match across it is a false candidate, which the
    /// in-process ranking drops; a real match is never missed.</summary>
    private const char SearchSeparator = '\n';

    public static Dictionary<string, object?> ToRow(GraphNode node)
    {
        var nameLower = node.Name.ToLowerInvariant();
        var searchText = node.Aliases.Count == 0
            ? nameLower
            : string.Join(SearchSeparator, node.Aliases.Select(a => a.ToLowerInvariant()).Prepend(nameLower));
        return new Dictionary<string, object?>(8, StringComparer.Ordinal)
        {
            ["id"] = node.Id,
            ["kind"] = node.Kind.ToString(),
            ["name"] = node.Name,
            ["description"] = node.Description,
            ["aliases"] = node.Aliases,
            ["properties"] = JsonSerializer.Serialize(node.Properties),
            ["nameLower"] = nameLower,
            ["searchText"] = searchText,
        };
    }

    /// <summary>Reads the map ReadCypher returns for a node.</summary>
    public static GraphNode Read(JsonElement map)
    {
        var aliases = map.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.GetString()!).ToArray()
            : [];
        var properties = map.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.String
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(p.GetString()!) ?? []
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
