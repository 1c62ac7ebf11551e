namespace RoleGraph.Api.Cli;

/// <summary>The repository a developer runs the verbs in: the nearest directory above the current one holding RoleGraph.sln.</summary>
internal static class RepositoryRoot
{
    public static string SchemaFile()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RoleGraph.sln")))
            {
                return Path.Combine(directory.FullName, "schema.graphql");
            }
        }

        return "schema.graphql";
    }
}
