namespace RoleGraph.Api.Explorer;

/// <summary>Settings of the explorer page, bound from <see cref="SectionName"/>.</summary>
internal sealed class ExplorerOptions
{
    public const string SectionName = "RoleGraph:Explorer";

    /// <summary>When false, nothing is served at <see cref="ExplorerMiddleware.Path"/> (a GET there is a 404 like any unknown path).</summary>
    public bool Enabled { get; set; } = true;
}
