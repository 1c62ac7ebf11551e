namespace RoleGraph.Tests.Infrastructure;

/// <summary>Files of the repository the tests check against (found by walking up to RoleGraph.sln).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RoleGraph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No RoleGraph.sln above {AppContext.BaseDirectory}.");
    }
}
