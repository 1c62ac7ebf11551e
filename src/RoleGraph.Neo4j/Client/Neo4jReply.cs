namespace RoleGraph.Neo4j.Client;

/// <summary>A successful response: its body, the Location header (the HTTP API's new transaction) and the cluster affinity to replay.</summary>
internal sealed record Neo4jReply(Neo4jResponse Response, Uri? Location, string? Affinity);
