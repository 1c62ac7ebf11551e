using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Api.Subscriptions;
using RoleGraph.Core.Changes;
using RoleGraph.Core.Store;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Operations;

/// <summary>
/// graphChanged over GraphQL over Server-Sent Events, against the service on a real loopback socket: a subscriber sees
/// another connection's writes, leaving frees its subscription, the subscriber limit refuses with its code, and a
/// subscriber that stops reading is dropped with its reason while writes go on.
/// </summary>
public sealed class SubscriptionTests
{
    private const string Subscribe = "subscription { graphChanged { revision detailed nodeCount linkCount nodes { id kind change } links { fromId toId relation change } } }";

    private static readonly TimeSpan Patience = SubscriptionServer.Patience;

    [Fact]
    public async Task A_subscriber_sees_each_write_of_another_connection_with_what_it_changed()
    {
        using var app = SubscriptionServer.Started(new RoleGraphApiFactory());
        var feed = app.Services.GetRequiredService<GraphChangeFeed>();
        var store = app.Services.GetRequiredService<IGraphStore>();
        using var subscriber = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        using var response = await SubscriptionServer.OpenStreamAsync(subscriber, Subscribe);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new SseEvents(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        await SubscriptionServer.WaitUntilAsync(() => feed.SubscriberCount == 1);

        var writer = app.GraphQL();
        var before = await store.GetRevisionAsync(TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        await writer.QueryAsync("""mutation { upsertSkill(input: { id: "sql", name: "SQL" }) { id } }""");
        var created = await events.NextAsync(Patience);
        var latency = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"write answered and event received after {latency.TotalMilliseconds:F1} ms");

        Assert.Equal("next", created.Name);
        var change = created.Json!["data"]!["graphChanged"]!;
        Assert.Equal(before + 1, (long)change["revision"]!);
        Assert.True((bool)change["detailed"]!);
        Assert.Equal("""[{"id":"sql","kind":"SKILL","change":"CREATED"}]""", change["nodes"]!.ToJsonString());
        Assert.Equal(0, (int)change["linkCount"]!);

        await writer.QueryAsync("""mutation { link(fromId: "data-scientist", toId: "sql", relation: REQUIRES, importance: 0.5) { importance } }""");
        var linked = (await events.NextAsync(Patience)).Json!["data"]!["graphChanged"]!;
        Assert.Equal(before + 2, (long)linked["revision"]!);
        Assert.Equal("""[{"fromId":"data-scientist","toId":"sql","relation":"REQUIRES","change":"CREATED"}]""", linked["links"]!.ToJsonString());

        await writer.QueryAsync("""mutation { link(fromId: "data-scientist", toId: "sql", relation: REQUIRES, importance: 0.9) { importance } }""");
        var reweighted = (await events.NextAsync(Patience)).Json!["data"]!["graphChanged"]!;
        Assert.Equal("UPDATED", (string)reweighted["links"]![0]!["change"]!);

        await writer.QueryAsync("""mutation { deleteNode(id: "sql", cascade: true) { changed } }""");
        var deleted = (await events.NextAsync(Patience)).Json!["data"]!["graphChanged"]!;
        Assert.Equal("""[{"id":"sql","kind":"SKILL","change":"DELETED"}]""", deleted["nodes"]!.ToJsonString());
        Assert.Equal("DELETED", (string)deleted["links"]![0]!["change"]!);

        // A write that changes nothing is no event: the next one seen is the next real write.
        await writer.QueryAsync("""mutation { upsertSkill(input: { id: "rust", name: "Rust" }) { id } }""");
        Assert.Equal("rust", (string)(await events.NextAsync(Patience)).Json!["data"]!["graphChanged"]!["nodes"]![0]!["id"]!);
        await writer.QueryAsync("""mutation { upsertSkill(input: { id: "rust", name: "Rust" }) { id } }""");
        await writer.QueryAsync("""mutation { upsertSkill(input: { id: "go", name: "Go" }) { id } }""");
        var next = (await events.NextAsync(Patience)).Json!["data"]!["graphChanged"]!;
        Assert.Equal("go", (string)next["nodes"]![0]!["id"]!);
        Assert.Equal(before + 6, (long)next["revision"]!);
    }

    [Fact]
    public async Task Leaving_the_stream_frees_the_subscription()
    {
        using var app = SubscriptionServer.Started(new RoleGraphApiFactory());
        var feed = app.Services.GetRequiredService<GraphChangeFeed>();
        using var subscriber = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await SubscriptionServer.OpenStreamAsync(subscriber, Subscribe));
        }

        var subscriptions = app.Services.GetRequiredService<SharedSubscriptions>();
        await SubscriptionServer.WaitUntilAsync(() => subscriptions.SubscriberCount == 3 && feed.SubscriberCount == 1);
        foreach (var response in responses)
        {
            response.Dispose(); // closes the connection, as a browser's EventSource.close() does
        }

        await SubscriptionServer.WaitUntilAsync(() => subscriptions.SubscriberCount == 0 && subscriptions.ExecutionCount == 0 && feed.SubscriberCount == 0);
        // Writes go on as before, with nobody listening.
        await app.GraphQL().QueryAsync("""mutation { upsertSkill(input: { id: "sql", name: "SQL" }) { id } }""");
        Assert.Equal(0, feed.SubscriberCount);
    }

    [Fact]
    public async Task Past_the_subscriber_limit_a_stream_is_refused_with_its_code()
    {
        var factory = new RoleGraphApiFactory();
        factory.Settings["RoleGraph:Subscriptions:MaxSubscribers"] = "1";
        using var app = SubscriptionServer.Started(factory);
        var subscriptions = app.Services.GetRequiredService<SharedSubscriptions>();
        using var subscriber = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        using var first = await SubscriptionServer.OpenStreamAsync(subscriber, Subscribe);
        await SubscriptionServer.WaitUntilAsync(() => subscriptions.SubscriberCount == 1);

        using var second = await SubscriptionServer.OpenStreamAsync(subscriber, Subscribe);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var error = body.RootElement.GetProperty("errors")[0];
        Assert.Equal("SUBSCRIBER_LIMIT_REACHED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("MaxSubscribers", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, subscriptions.SubscriberCount);
    }

    [Fact]
    public async Task A_query_over_the_stream_is_one_next_event_and_complete_and_a_bad_document_is_an_error_event()
    {
        using var app = SubscriptionServer.Started(new RoleGraphApiFactory());
        using var client = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };

        using var query = await SubscriptionServer.OpenStreamAsync(client, """{ role(id: "data-scientist") { name } }""");
        using var events = new SseEvents(await query.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var answer = await events.NextAsync(Patience);
        Assert.Equal("next", answer.Name);
        Assert.Equal("""{"data":{"role":{"name":"Data Scientist"}}}""", answer.Data);
        Assert.Equal("complete", (await events.NextAsync(Patience)).Name);

        using var invalid = await SubscriptionServer.OpenStreamAsync(client, "subscription { graphChanged { nosuchfield } }");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode); // the protocol reports validation on the stream
        using var invalidEvents = new SseEvents(await invalid.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var error = (await invalidEvents.NextAsync(Patience)).Json!["errors"]![0]!;
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (string)error["extensions"]!["code"]!);
        Assert.Equal("complete", (await invalidEvents.NextAsync(Patience)).Name);

        // Without Accept: text/event-stream a subscription is refused with what to do instead.
        var plain = await app.GraphQL().PostAsync(Subscribe);
        Assert.Equal(HttpStatusCode.BadRequest, plain.Status);
        Assert.Equal("SUBSCRIPTION_NEEDS_STREAM", plain.SingleErrorCode());
    }

    [Fact]
    public async Task Subscribing_needs_credentials_when_reads_do()
    {
        var factory = new RoleGraphApiFactory();
        factory.Settings["RoleGraph:Auth:RequireAuthForReads"] = "true";
        using var app = SubscriptionServer.Started(factory);
        using var anonymous = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        using var refused = await SubscriptionServer.OpenStreamAsync(anonymous, Subscribe);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("UNAUTHENTICATED", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var keyed = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        keyed.DefaultRequestHeaders.Add("X-Api-Key", RoleGraphApiFactory.TestApiKey);
        using var admitted = await SubscriptionServer.OpenStreamAsync(keyed, Subscribe);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public async Task A_subscriber_that_stops_reading_is_dropped_with_its_reason_and_writes_go_on()
    {
        var factory = new RoleGraphApiFactory();
        factory.Settings["RoleGraph:Subscriptions:BufferSize"] = "2";
        factory.Settings["RoleGraph:Subscriptions:DropGracePeriod"] = "00:01:00";
        using var app = SubscriptionServer.Started(factory);
        var feed = app.Services.GetRequiredService<GraphChangeFeed>();
        var address = app.ClientOptions.BaseAddress;

        // A raw socket with a tiny receive buffer that the test stops reading: the server's sends back up quickly.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
        await socket.ConnectAsync(IPAddress.Loopback, address.Port, TestContext.Current.CancellationToken);
        var body = JsonSerializer.Serialize(new { query = Subscribe });
        var request = $"POST /graphql HTTP/1.1\r\nHost: {address.Authority}\r\nAccept: text/event-stream\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
        await socket.SendAsync(Encoding.UTF8.GetBytes(request), TestContext.Current.CancellationToken);
        await SubscriptionServer.WaitUntilAsync(() => feed.SubscriberCount == 1);

        var writer = app.GraphQL();
        var writes = 0;
        while (feed.SubscriberCount > 0 && writes < 400)
        {
            // Each write renames 100 skills with long ids: a few kilobytes per event.
            await writer.QueryAsync(
                "mutation($document: String!) { importTaxonomy(document: $document, format: JSON) { changed } }",
                new { document = Taxonomy(writes) });
            writes++;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"dropped after {writes} writes");
        Assert.Equal(0, feed.SubscriberCount);
        Assert.True(writes < 400, "The subscriber was never dropped.");

        // The writes all went through, and the graph holds the last one.
        var last = await writer.QueryAsync("""{ skill(id: "slow-subscriber-test-skill-with-a-long-identifier-number-000") { name } }""");
        Assert.Equal($"Skill 0 version {writes - 1}", (string)last["skill"]!["name"]!);

        // Reading again, the client gets what was sent, then the reason and the end.
        using var stream = new NetworkStream(socket, ownsSocket: false);
        using var events = new SseEvents(stream);
        SseEvents.Event? reason = null;
        while (await events.NextAsync(Patience) is { Name: "next" } next)
        {
            reason = next;
        }

        Assert.NotNull(reason);
        var error = reason.Json!["errors"]![0]!;
        Assert.Equal("SUBSCRIBER_TOO_SLOW", (string)error["extensions"]!["code"]!);
        Assert.Contains("BufferSize", (string)error["message"]!, StringComparison.Ordinal);
    }

    private static string Taxonomy(int version)
    {
        var nodes = Enumerable.Range(0, 100).Select(i => new
        {
            id = $"slow-subscriber-test-skill-with-a-long-identifier-number-{i:D3}",
            kind = "Skill",
            name = $"Skill {i} version {version}",
        });
        return JsonSerializer.Serialize(new
        {
            formatVersion = 1,
            taxonomy = new { name = "Slow subscriber test", version = "1.0.0", source = "the test", license = "none" },
            nodes,
            links = Array.Empty<object>(),
        });
    }
}
