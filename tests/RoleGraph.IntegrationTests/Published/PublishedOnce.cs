namespace RoleGraph.Tests.Published;

/// <summary>
/// The classes that test the published executable: they share one <see cref="PublishedBinary"/>, so the slow
/// ahead-of-time publish happens once per run, and only in runs that include them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishedOnce : ICollectionFixture<PublishedBinary>
{
    public const string Name = "Published service (published once)";
}
