using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RoleGraph.Neo4j.Cypher;

namespace RoleGraph.Tests.Neo4j.Hosting;

/// <summary>
/// A loopback HTTP server speaking the shape of Neo4j's transactional HTTP API, for what a test can check without a
/// Neo4j: that the service survives an outage or refused credentials and recovers, and exactly which statements and
/// parameters it sends. It does not run Cypher: every statement answers no rows, except the write lock (one row:
/// revision 0, no sources) and the statistics (all 0), which the store reads a row from.
/// </summary>
public sealed class FakeNeo4jServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextTransaction;

    private FakeNeo4jServer(WebApplication app) => _app = app;

    /// <summary>How the server answers right now.</summary>
    private volatile FakeNeo4jMode _mode = FakeNeo4jMode.Up;
    private int _commits;
    private int _rollbacks;

    public FakeNeo4jMode Mode
    {
        get => _mode;
        set => _mode = value;
    }

    public Uri Uri { get; private set; } = null!;

    /// <summary>Every statement received while up, with its parameters, in arrival order.</summary>
    public ConcurrentQueue<(string Text, JsonObject Parameters)> Statements { get; } = new();

    /// <summary>Transactions committed and rolled back (explicit ones only).</summary>
    public int Commits => Volatile.Read(ref _commits);

    public int Rollbacks => Volatile.Read(ref _rollbacks);

    public static async Task<FakeNeo4jServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeNeo4jServer(app);
        app.MapPost("/db/{database}/tx/commit", server.AutoCommitAsync);
        app.MapPost("/db/{database}/tx", server.BeginAsync);
        app.MapPost("/db/{database}/tx/{id:int}", server.RunInTransactionAsync);
        app.MapPost("/db/{database}/tx/{id:int}/commit", server.CommitAsync);
        app.MapDelete("/db/{database}/tx/{id:int}", server.Rollback);
        await app.StartAsync(cancellationToken);
        server.Uri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public IEnumerable<string> Texts => Statements.Select(s => s.Text);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> AutoCommitAsync(HttpRequest request) =>
        Refusal() ?? Results.Json(await AnswerAsync(request));

    private async Task<IResult> BeginAsync(HttpRequest request, string database)
    {
        if (Refusal() is { } refusal)
        {
            return refusal;
        }

        var id = Interlocked.Increment(ref _nextTransaction);
        var location = $"{Uri.ToString().TrimEnd('/')}/db/{database}/tx/{id}";
        var answer = await AnswerAsync(request);
        answer["commit"] = $"{location}/commit";
        return new LocatedResult(Results.Json(answer, statusCode: StatusCodes.Status201Created), location);
    }

    private async Task<IResult> RunInTransactionAsync(HttpRequest request) => Refusal() ?? Results.Json(await AnswerAsync(request));

    private async Task<IResult> CommitAsync(HttpRequest request)
    {
        if (Refusal() is { } refusal)
        {
            return refusal;
        }

        var answer = await AnswerAsync(request);
        Interlocked.Increment(ref _commits);
        return Results.Json(answer);
    }

    private IResult Rollback()
    {
        Interlocked.Increment(ref _rollbacks);
        return Results.Json(new JsonObject { ["results"] = new JsonArray(), ["errors"] = new JsonArray() });
    }

    private IResult? Refusal() => Mode switch
    {
        FakeNeo4jMode.Down => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
        FakeNeo4jMode.RefusingCredentials => Results.Json(
            new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["code"] = "Neo.ClientError.Security.Unauthorized",
                    ["message"] = "Invalid username or password.",
                }),
            },
            statusCode: StatusCodes.Status401Unauthorized),
        _ => null,
    };

    private async Task<JsonObject> AnswerAsync(HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body) ?? new JsonObject();
        var results = new JsonArray();
        foreach (var statement in body["statements"]?.AsArray() ?? [])
        {
            var text = statement!["statement"]!.GetValue<string>();
            Statements.Enqueue((text, statement["parameters"]?.AsObject() ?? []));
            var rows = new JsonArray();
            if (text == WriteCypher.Lock)
            {
                rows.Add(new JsonObject { ["row"] = new JsonArray(0, "[]"), ["meta"] = new JsonArray(null, null) });
            }
            else if (text == ReadCypher.Statistics)
            {
                var counts = Enum.GetValues<RoleGraph.Core.Model.NodeKind>().Length + 1;
                rows.Add(new JsonObject
                {
                    ["row"] = new JsonArray([.. Enumerable.Repeat<JsonNode?>(0, counts).Select(n => n?.DeepClone())]),
                    ["meta"] = new JsonArray([.. Enumerable.Repeat<JsonNode?>(null, counts)]),
                });
            }

            results.Add(new JsonObject { ["columns"] = new JsonArray(), ["data"] = rows });
        }

        return new JsonObject { ["results"] = results, ["errors"] = new JsonArray() };
    }

    /// <summary>A JSON answer with the Location header Neo4j sets on a new transaction.</summary>
    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

public enum FakeNeo4jMode
{
    Up,
    Down,
    RefusingCredentials,
}
