using System.Text.Json;

namespace RoleGraph.Tests.Contract.Emulated;

/// <summary>A statement as the server reads it off the wire: its text and its parameters decoded as Neo4j decodes JSON.</summary>
public sealed record WireStatement(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    /// <summary>{"statement": ..., "parameters": {...}}, the shape of both APIs (parameters may be absent).</summary>
    public static WireStatement Parse(JsonElement statement) => new(
        statement.GetProperty("statement").GetString() ?? "",
        statement.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            ? (Dictionary<string, object?>)CatalogNeo4jEmulator.FromJson(parameters)!
            : new Dictionary<string, object?>(StringComparer.Ordinal));
}
