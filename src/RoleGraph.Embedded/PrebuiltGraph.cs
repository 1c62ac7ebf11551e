using RoleGraph.Core.Graph;

namespace RoleGraph.Embedded;

/// <summary>A snapshot built from the data file before the store was opened, and what it was built from.</summary>
internal sealed record PrebuiltGraph(StoredGraph Stored, GraphSnapshot Graph);
