using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Api.Subscriptions;
using RoleGraph.Core.Changes;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Operations;

/// <summary>
/// graphChanged over WebSockets (graphql-transport-ws) against the service on a real loopback socket: the handshake,
/// ping/pong, a subscription sharing its execution with an SSE stream, complete freeing it, queries as next and
/// complete, credentials checked at connection_init as reads are, and the protocol's close codes.
/// </summary>
public sealed class WebSocketSubscriptionTests
{
    private const string Revisions = "subscription { graphChanged { revision nodes { id change } } }";

    private static readonly TimeSpan Patience = SubscriptionServer.Patience;

    [Fact]
    public async Task A_subscription_gets_writes_shares_the_execution_with_sse_and_complete_frees_it()
    {
        using var app = SubscriptionServer.Started(new RoleGraphApiFactory());
        var subscriptions = app.Services.GetRequiredService<SharedSubscriptions>();
        var feed = app.Services.GetRequiredService<GraphChangeFeed>();
        using var socket = await ConnectAsync(app);
        await SendAsync(socket, """{"type":"connection_init"}""");
        Assert.Equal("connection_ack", (string)(await ReceiveAsync(socket))!["type"]!);
        await SendAsync(socket, """{"type":"ping"}""");
        Assert.Equal("pong", (string)(await ReceiveAsync(socket))!["type"]!);

        await SendAsync(socket, new JsonObject { ["id"] = "changes", ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = Revisions } }.ToJsonString());
        using var http = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        using var sse = await SubscriptionServer.OpenStreamAsync(http, Revisions);
        // The WebSocket's subscribe has no answer of its own: wait until both streams receive changes.
        await SubscriptionServer.WaitUntilAsync(() => subscriptions.ListeningCount == 2);
        Assert.Equal(1, subscriptions.ExecutionCount); // the WebSocket and the SSE stream share one
        Assert.Equal(1, feed.SubscriberCount);

        await app.GraphQL().QueryAsync("""mutation { upsertSkill(input: { id: "sql", name: "SQL" }) { id } }""");
        var next = (await ReceiveAsync(socket))!;
        Assert.Equal("next", (string)next["type"]!);
        Assert.Equal("changes", (string)next["id"]!);
        using var events = new SseEvents(await sse.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal((await events.NextAsync(Patience)).Data, next["payload"]!.ToJsonString()); // the same event, byte for byte
        Assert.Equal("sql", (string)next["payload"]!["data"]!["graphChanged"]!["nodes"]![0]!["id"]!);

        await SendAsync(socket, """{"id":"changes","type":"complete"}""");
        await SubscriptionServer.WaitUntilAsync(() => subscriptions.SubscriberCount == 1);
        sse.Dispose();
        await SubscriptionServer.WaitUntilAsync(() => subscriptions.SubscriberCount == 0 && subscriptions.ExecutionCount == 0 && feed.SubscriberCount == 0);

        // A query on the same connection: its result, then complete; a document that does not validate: an error message.
        await SendAsync(socket, """{"id":"q","type":"subscribe","payload":{"query":"{ role(id: \"data-scientist\") { name } }"}}""");
        var answer = (await ReceiveAsync(socket))!;
        Assert.Equal("""{"id":"q","type":"next","payload":{"data":{"role":{"name":"Data Scientist"}}}}""", answer.ToJsonString());
        Assert.Equal("""{"id":"q","type":"complete"}""", (await ReceiveAsync(socket))!.ToJsonString());
        await SendAsync(socket, """{"id":"bad","type":"subscribe","payload":{"query":"subscription { graphChanged { nosuchfield } }"}}""");
        var error = (await ReceiveAsync(socket))!;
        Assert.Equal("error", (string)error["type"]!);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (string)error["payload"]![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task Leaving_the_connection_frees_its_subscriptions()
    {
        using var app = SubscriptionServer.Started(new RoleGraphApiFactory());
        var subscriptions = app.Services.GetRequiredService<SharedSubscriptions>();
        var socket = await ConnectAsync(app);
        await SendAsync(socket, """{"type":"connection_init"}""");
        await ReceiveAsync(socket);
        await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription { graphChanged { revision } }"}}""");
        await SendAsync(socket, """{"id":"2","type":"subscribe","payload":{"query":"subscription { graphChanged { nodeCount } }"}}""");
        await SubscriptionServer.WaitUntilAsync(() => subscriptions.ListeningCount == 2 && subscriptions.ExecutionCount == 2);

        socket.Abort(); // the connection drops without a close handshake
        socket.Dispose();
        await SubscriptionServer.WaitUntilAsync(() => subscriptions.SubscriberCount == 0 && subscriptions.ExecutionCount == 0);
    }

    [Fact]
    public async Task Connection_init_needs_credentials_when_reads_do_and_takes_them_from_its_payload()
    {
        var factory = new RoleGraphApiFactory();
        factory.Settings["RoleGraph:Auth:RequireAuthForReads"] = "true";
        using var app = SubscriptionServer.Started(factory);

        using var anonymous = await ConnectAsync(app);
        await SendAsync(anonymous, """{"type":"connection_init"}""");
        Assert.Null(await ReceiveAsync(anonymous));
        Assert.Equal(4403, (int)anonymous.CloseStatus!.Value);
        Assert.Contains("UNAUTHENTICATED", anonymous.CloseStatusDescription, StringComparison.Ordinal);

        using var keyed = await ConnectAsync(app);
        await SendAsync(keyed, new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["X-Api-Key"] = RoleGraphApiFactory.TestApiKey } }.ToJsonString());
        Assert.Equal("connection_ack", (string)(await ReceiveAsync(keyed))!["type"]!);
    }

    [Theory]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":"{ roles(first: 1) { totalCount } }"}}""", false, 4401)]
    [InlineData("""{"type":"connection_init"}""", true, 4429)]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":"subscription { graphChanged { revision } }"}}""", true, 4409)]
    [InlineData("""{"type":"nonsense"}""", true, 4400)]
    [InlineData("""not json""", true, 4400)]
    public async Task Protocol_violations_close_with_their_code(string message, bool initialised, int code)
    {
        using var app = SubscriptionServer.Started(new RoleGraphApiFactory());
        using var socket = await ConnectAsync(app);
        if (initialised)
        {
            await SendAsync(socket, """{"type":"connection_init"}""");
            await ReceiveAsync(socket);
            // A subscription with id 1 is open, for the duplicate-id case.
            await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription { graphChanged { revision } }"}}""");
        }

        await SendAsync(socket, message);
        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(code, (int)socket.CloseStatus!.Value);
    }

    [Fact]
    public async Task Operations_past_the_connections_rate_get_an_error_with_rate_limited_and_the_connection_stays()
    {
        var factory = new RoleGraphApiFactory();
        factory.Settings["RoleGraph:Limits:RequestsPerSecond"] = "1";
        factory.Settings["RoleGraph:Limits:RequestBurst"] = "2";
        using var app = SubscriptionServer.Started(factory);
        using var socket = await ConnectAsync(app);
        await SendAsync(socket, """{"type":"connection_init"}""");
        Assert.Equal("connection_ack", (string)(await ReceiveAsync(socket))!["type"]!);

        // Ten queries at once against a bucket of two: two run, and one more for each second that turns meanwhile
        // (on a loaded machine the ten may take seconds to send and answer).
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            await SendAsync(socket, new JsonObject { ["id"] = $"q{i}", ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = "{ role(id: \"data-scientist\") { name } }" } }.ToJsonString());
        }

        var answered = new List<JsonNode>();
        var refused = new List<JsonNode>();
        while (answered.Count + refused.Count < 10)
        {
            var message = (await ReceiveAsync(socket))!;
            switch ((string)message["type"]!)
            {
                case "next":
                    Assert.Equal("Data Scientist", (string)message["payload"]!["data"]!["role"]!["name"]!);
                    break;
                case "complete":
                    answered.Add(message);
                    break;
                case "error":
                    refused.Add(message);
                    break;
                default:
                    Assert.Fail(message.ToJsonString());
                    break;
            }
        }

        Assert.InRange(answered.Count, 2, 2 + (int)Math.Ceiling(elapsed.Elapsed.TotalSeconds));
        Assert.NotEmpty(refused);
        var error = refused[0]["payload"]![0]!;
        Assert.Equal("RATE_LIMITED", (string)error["extensions"]!["code"]!);
        Assert.Equal("Too many operations: each connection may start 1 per second (bursts of 2); retry after a second.", (string)error["message"]!);

        // The connection is still open: a ping is answered.
        await SendAsync(socket, """{"type":"ping"}""");
        Assert.Equal("pong", (string)(await ReceiveAsync(socket))!["type"]!);
    }

    [Fact]
    public async Task A_connection_that_never_initialises_is_closed_with_4408()
    {
        var factory = new RoleGraphApiFactory();
        factory.Settings["RoleGraph:Subscriptions:ConnectionInitTimeout"] = "00:00:01";
        using var app = SubscriptionServer.Started(factory);
        using var socket = await ConnectAsync(app);
        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(4408, (int)socket.CloseStatus!.Value);
    }

    private static async Task<ClientWebSocket> ConnectAsync(RoleGraphApiFactory app)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        var address = new UriBuilder(app.ClientOptions.BaseAddress!) { Scheme = "ws", Path = "/graphql" }.Uri;
        await socket.ConnectAsync(address, TestContext.Current.CancellationToken);
        Assert.Equal("graphql-transport-ws", socket.SubProtocol);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);

    /// <summary>The next message, or null when the server closed the connection (its status then on the socket).</summary>
    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray());
            }
        }
    }
}
