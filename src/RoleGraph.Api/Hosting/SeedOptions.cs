namespace RoleGraph.Api.Hosting;

/// <summary>Seeding on start (section RoleGraph:Seed).</summary>
internal sealed class SeedOptions
{
    public const string SectionName = "RoleGraph:Seed";

    /// <summary>Load the seed taxonomy when the store is empty.</summary>
    public bool LoadWhenEmpty { get; set; } = true;

    /// <summary>The directory of taxonomy files; relative paths are resolved against the application's directory.</summary>
    public string Path { get; set; } = "seed";
}
