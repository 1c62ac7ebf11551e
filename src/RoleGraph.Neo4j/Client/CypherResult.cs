using System.Text.Json;

namespace RoleGraph.Neo4j.Client;

/// <summary>The rows one statement returned, each row a value per column, as Neo4j's HTTP API sent them.</summary>
public sealed record CypherResult(IReadOnlyList<string> Columns, IReadOnlyList<JsonElement[]> Rows);
