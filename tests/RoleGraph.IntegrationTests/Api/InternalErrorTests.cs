using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Store;
using RoleGraph.Embedded;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>A fault inside the server is INTERNAL; its details reach the client only in Development.</summary>
public sealed class InternalErrorTests
{
    private const string Secret = "disk /srv/secret-path exploded";

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task Faults_are_internal_and_masked_outside_development(string environment, bool detailed)
    {
        using var app = new RoleGraphApiFactory
        {
            EnvironmentName = environment,
            TestServices = services => services.AddSingleton<IGraphStore>(provider =>
                new FaultyStore { Inner = provider.GetRequiredService<EmbeddedGraphStore>() }),
        };

        var response = await app.GraphQL().PostAsync("{ roles { totalCount } search(text: \"python\") { kind } }");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal(2, (int)response.Data!["roles"]!["totalCount"]!);
        Assert.Equal("INTERNAL", response.SingleErrorCode());
        Assert.Equal(detailed, response.Text.Contains(Secret, StringComparison.Ordinal));
        if (!detailed)
        {
            Assert.Equal("An internal error occurred.", (string?)response.Errors![0]!["message"]);
        }
    }

    [Fact]
    public async Task The_fault_is_logged_with_the_request_id_the_response_carries()
    {
        var logs = new CapturingLoggerProvider();
        using var app = new RoleGraphApiFactory
        {
            EnvironmentName = "Production",
            TestServices = services =>
            {
                services.AddSingleton<IGraphStore>(provider => new FaultyStore { Inner = provider.GetRequiredService<EmbeddedGraphStore>() });
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            },
        };

        var response = await app.GraphQL().PostAsync("{ search(text: \"python\") { kind } }");

        var requestId = response.Message.Headers.GetValues("X-Request-Id").Single();
        var line = Assert.Single(logs.Messages, m => m.Contains("GraphQL execution failed", StringComparison.Ordinal));
        Assert.Contains(requestId, line, StringComparison.Ordinal);
        Assert.Contains("search", line, StringComparison.Ordinal);
    }

    private sealed class CapturingLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }

    private sealed class FaultyStore : DelegatingGraphStore
    {
        public override ValueTask<GraphSnapshot> ReadAsync(GraphScope scope, CancellationToken cancellationToken) =>
            scope is GraphScope.SearchCandidates ? throw new InvalidOperationException(Secret) : base.ReadAsync(scope, cancellationToken);
    }
}
