using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RoleGraph.Tests.Infrastructure;

/// <summary>
/// The real API host (<see cref="Program"/>) in process, seeded from seed/, with its embedded store's data file in
/// a temporary directory of its own, so tests never touch a developer's data/ folder or each other's graphs.
/// </summary>
public sealed class RoleGraphApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The API key every test host accepts (configured by its SHA-256); <see cref="GraphQL"/> clients send it.</summary>
    public const string TestApiKey = "rolegraph-test-key";

    private readonly string _temporaryDirectory = Directory.CreateTempSubdirectory("rolegraph-tests-").FullName;
    private readonly string? _dataDirectory;

    /// <summary>Configuration overrides, set before the host starts (first client or Services access).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The hosting environment; Development (the factory's default) unless given.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>Service overrides applied after the application's own registrations.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Where the data file lives; a fresh temporary directory unless given (e.g. to restart over the same data).</summary>
    public string DataDirectory
    {
        get => _dataDirectory ?? _temporaryDirectory;
        init => _dataDirectory = value;
    }

    public string DataFile => Path.Combine(DataDirectory, "rolegraph.json");

    /// <summary>A client that sends <see cref="TestApiKey"/>, so it may write.</summary>
    public GraphQLClient GraphQL()
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", TestApiKey);
        return new GraphQLClient(http);
    }

    /// <summary>A client without credentials.</summary>
    public GraphQLClient AnonymousGraphQL() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: with minimal hosting only these are visible to Program.cs's builder code.
        builder.UseSetting("RoleGraph:Embedded:DataFile", DataFile);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RoleGraph:Auth:ApiKeys:0:Name", "tests");
        builder.UseSetting("RoleGraph:Auth:ApiKeys:0:Sha256", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(TestApiKey))));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (EnvironmentName is not null)
        {
            builder.UseEnvironment(EnvironmentName);
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_temporaryDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless; failing the run over it is not.
            }
        }
    }
}
