using RoleGraph.Neo4j;
using RoleGraph.Neo4j.Client;
using RoleGraph.Tests.Embedded;

namespace RoleGraph.Tests.Neo4j.Client;

internal static class TestClient
{
    public const string Password = "verysecret";

    /// <summary>Basic neo4j:verysecret, the example of Neo4j's HTTP API documentation.</summary>
    public const string Authorization = "Basic bmVvNGo6dmVyeXNlY3JldA==";

    public static Neo4jOptions Options(Action<Neo4jOptions>? configure = null)
    {
        var options = new Neo4jOptions
        {
            Uri = new Uri(FakeNeo4jHandler.Server),
            User = "neo4j",
            Password = Password,
            Database = "neo4j",
            MaxRetries = 3,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return options;
    }

    public static Neo4jQueryApiClient CreateQueryApi(FakeNeo4jHandler server, Action<Neo4jOptions>? configure = null, RecordingLogger<Neo4jQueryApiClient>? logger = null) =>
        new(new HttpClient(server), Microsoft.Extensions.Options.Options.Create(Options(configure)), logger ?? new RecordingLogger<Neo4jQueryApiClient>());

    public static Neo4jHttpClient Create(FakeNeo4jHandler server, Action<Neo4jOptions>? configure = null, RecordingLogger<Neo4jHttpClient>? logger = null) =>
        new(new HttpClient(server), Microsoft.Extensions.Options.Options.Create(Options(configure)), logger ?? new RecordingLogger<Neo4jHttpClient>());
}
