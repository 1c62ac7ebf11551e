namespace RoleGraph.Api.Hosting;

/// <summary>Which store serves the graph; bound from the RoleGraph section, so the key is RoleGraph:Store.</summary>
internal sealed class StoreSelectionOptions
{
    public const string SectionName = "RoleGraph";

    public StoreKind Store { get; set; } = StoreKind.Embedded;
}
