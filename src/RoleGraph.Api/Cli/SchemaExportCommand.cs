using GraphQL.Types;
using RoleGraph.Api.GraphQL;

namespace RoleGraph.Api.Cli;

/// <summary>
/// `schema export [--output FILE]`: prints the served schema to the repository's schema.graphql (found by walking
/// up from the current directory to RoleGraph.sln, since `dotnet run` starts in the project directory), the
/// contract file the schema test compares against.
/// </summary>
public static class SchemaExportCommand
{
    public static bool Matches(string[] args) => args.Length >= 2 && args[0] == "schema" && args[1] == "export";

    public static int Run(string[] args)
    {
        var output = DefaultOutput();
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] is "--output" or "-o" && i + 1 < args.Length)
            {
                output = args[++i];
            }
            else
            {
                Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: schema export [--output FILE]");
                return 1;
            }
        }

        var services = new ServiceCollection().AddLogging().AddRoleGraphGraphQL(exposeInternalDetails: false).BuildServiceProvider();
        var sdl = SchemaSdl.Print(services.GetRequiredService<ISchema>());
        File.WriteAllText(output, sdl);
        Console.WriteLine($"Wrote {Path.GetFullPath(output)} ({sdl.Length} characters).");
        return 0;
    }

    private static string DefaultOutput()
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
