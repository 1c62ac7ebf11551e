using System.Diagnostics;
using RoleGraph.Api.Hosting;
using RoleGraph.Neo4j;
using RoleGraph.Neo4j.Client;
using RoleGraph.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace RoleGraph.Tests.Neo4j.Hosting;

/// <summary>
/// docker-compose.yml is how production starts: Neo4j 5.26 with a health check and a named volume, and the API
/// started after Neo4j is healthy, configured through the same keys the service binds. A renamed option or a
/// dropped health check fails here, not at someone's first `docker compose up`.
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly string ComposeFile = Path.Combine(RepositoryFiles.Root, "docker-compose.yml");

    [Fact]
    public void Neo4j_service_is_the_526_community_image_with_a_health_check_and_a_named_volume()
    {
        var services = Services();
        var neo4j = (YamlMappingNode)services["neo4j"];

        Assert.Equal("neo4j:5.26-community", Scalar(neo4j, "image"));
        Assert.Contains("7474", ((YamlSequenceNode)neo4j["healthcheck"]["test"]).Children.Select(c => c.ToString()).Last(), StringComparison.Ordinal);
        var volume = ((YamlSequenceNode)neo4j["volumes"]).Children.Single().ToString();
        var volumeName = volume.Split(':')[0];
        Assert.Equal("/data", volume.Split(':')[1]);
        Assert.True(((YamlMappingNode)Root()["volumes"]).Children.ContainsKey(volumeName), $"The volume {volumeName} is not declared at the top level.");
    }

    [Fact]
    public void Neo4j_is_healthy_only_once_its_database_answers_a_query_with_the_configured_password()
    {
        var neo4j = (YamlMappingNode)Services()["neo4j"];
        var check = ((YamlSequenceNode)neo4j["healthcheck"]["test"]).Children.Select(c => c.ToString()).Last();

        // A Query API request to the database, not a probe of the HTTP server: every Query API answer is 202, so the
        // check must look for data in the body, and the password is the one NEO4J_AUTH set.
        Assert.Contains("/db/neo4j/query/v2", check, StringComparison.Ordinal);
        Assert.Contains("RETURN 1", check, StringComparison.Ordinal);
        Assert.Contains("grep -q '\"fields\"'", check, StringComparison.Ordinal);
        Assert.Contains("${NEO4J_AUTH#neo4j/}", check, StringComparison.Ordinal);

        // Neo4j 5 refuses passwords shorter than 8 characters (dbms.security.auth_minimum_password_length).
        var auth = Scalar((YamlMappingNode)neo4j["environment"], "NEO4J_AUTH");
        var defaultPassword = auth[(auth.IndexOf(":-", StringComparison.Ordinal) + 2)..auth.LastIndexOf('}')];
        Assert.True(defaultPassword.Length >= 8, $"The default password '{defaultPassword}' is shorter than Neo4j's minimum of 8.");
    }

    [Fact]
    public void Api_is_built_here_starts_after_neo4j_is_healthy_and_is_configured_with_the_keys_the_service_binds()
    {
        var api = (YamlMappingNode)Services()["api"];

        Assert.Equal(".", Scalar(api, "build"));
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, "Dockerfile")));
        Assert.Equal("service_healthy", Scalar((YamlMappingNode)api["depends_on"]["neo4j"], "condition"));

        var environment = ((YamlMappingNode)api["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());
        Assert.Equal(nameof(StoreKind.Neo4j), environment[$"{StoreSelectionOptions.SectionName}__{nameof(StoreSelectionOptions.Store)}"]);
        Assert.Equal("http://neo4j:7474", environment[$"{Neo4jOptions.SectionName}__{nameof(Neo4jOptions.Uri)}"]);
        Assert.Equal(nameof(Neo4jApi.Query), environment[$"{Neo4jOptions.SectionName}__{nameof(Neo4jOptions.Api)}"]);
        Assert.Contains($"{Neo4jOptions.SectionName}__{nameof(Neo4jOptions.User)}", environment.Keys);
        Assert.Contains($"{Neo4jOptions.SectionName}__{nameof(Neo4jOptions.Password)}", environment.Keys);

        // The API's password and Neo4j's NEO4J_AUTH come from the same variable, so they cannot drift apart.
        var auth = Scalar((YamlMappingNode)((YamlMappingNode)Services()["neo4j"])["environment"], "NEO4J_AUTH");
        Assert.EndsWith(environment[$"{Neo4jOptions.SectionName}__{nameof(Neo4jOptions.Password)}"], auth, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_compose_accepts_the_file_where_it_is_installed()
    {
        // `docker compose` (v2 plugin) where there is one, else the standalone docker-compose; CI installs the latter.
        (string File, string Arguments)? tool = Which("docker") is { } docker && await ExitCodeAsync(docker, "compose version") == 0
            ? (docker, "compose config -q")
            : Which("docker-compose") is { } standalone ? (standalone, "config -q") : null;
        Assert.SkipWhen(tool is null, "Neither `docker compose` nor `docker-compose` is installed here (CI installs docker-compose).");

        var (exitCode, output) = await RunAsync(tool!.Value.File, tool.Value.Arguments);
        Assert.True(exitCode == 0, $"{tool.Value.File} {tool.Value.Arguments} refused docker-compose.yml:\n{output}");
    }

    private static YamlMappingNode Root()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(ComposeFile);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Services() => (YamlMappingNode)Root()["services"];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    private static async Task<int> ExitCodeAsync(string file, string arguments) => (await RunAsync(file, arguments)).ExitCode;

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
