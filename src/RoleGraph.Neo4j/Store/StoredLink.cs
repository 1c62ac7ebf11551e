using System.Collections.Frozen;
using System.Text.Json;
using RoleGraph.Core.Model;
using RoleGraph.Neo4j.Cypher;

namespace RoleGraph.Neo4j.Store;

/// <summary>How links travel to and from Neo4j: a relationship type per relation, importance and level as properties.</summary>
internal static class StoredLink
{
    private static readonly FrozenDictionary<string, RelationKind> RelationByType =
        Enum.GetValues<RelationKind>().ToFrozenDictionary(CypherNames.Type, r => r, StringComparer.Ordinal);

    public static RelationKind ParseType(string? type) =>
        type is not null && RelationByType.TryGetValue(type, out var relation)
            ? relation
            : throw new InvalidDataException($"Neo4j holds a relationship of unknown type '{type}'.");

    public static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static Dictionary<string, object?> ToRow(GraphLink link) => new(4, StringComparer.Ordinal)
    {
        ["fromId"] = link.FromId,
        ["toId"] = link.ToId,
        ["importance"] = link.Importance,
        ["level"] = link.Level,
    };

    public static Dictionary<string, object?> ToRow(LinkKey key) => new(2, StringComparer.Ordinal)
    {
        ["fromId"] = key.FromId,
        ["toId"] = key.ToId,
    };
}
