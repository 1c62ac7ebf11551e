namespace RoleGraph.Embedded;

/// <summary>Configuration of the embedded store (section RoleGraph:Embedded).</summary>
public sealed class EmbeddedStoreOptions
{
    public const string SectionName = "RoleGraph:Embedded";

    /// <summary>The data file; relative paths are resolved against the current directory. Empty keeps the graph in memory only.</summary>
    public string DataFile { get; set; } = "data/rolegraph.json";
}
