namespace RoleGraph.Api.Ide;

/// <summary>Settings of the Banana Cake Pop GraphQL IDE, bound from <see cref="SectionName"/>.</summary>
internal sealed class BananaCakePopOptions
{
    public const string SectionName = "RoleGraph:Ide";

    /// <summary>
    /// When false, browser GETs of the GraphQL path are not answered with the IDE and reach the GraphQL endpoint
    /// like any other GET; the IDE's files are not served either.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Window title the IDE shows.</summary>
    public string Title { get; set; } = "RoleGraph";
}
