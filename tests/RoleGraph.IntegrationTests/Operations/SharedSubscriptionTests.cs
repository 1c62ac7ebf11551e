using System.Globalization;
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
/// Streams of the same subscription share one execution (one feed subscriber, one GraphQL execution and one
/// serialization per change), over real HTTP: they all get the same event, different documents or variables each get
/// their own answer, a dropped slow stream leaves the others untouched, and leaving frees the streams and executions.
/// </summary>
public sealed class SharedSubscriptionTests
{
    private const string Revisions = "subscription { graphChanged { revision nodes { id change } } }";

    private static readonly TimeSpan Patience = SubscriptionServer.Patience;

    [Fact]
    public async Task Many_streams_of_one_document_share_one_execution_and_get_the_same_event()
    {
        using var app = SubscriptionServer.Started(new RoleGraphApiFactory());
        var feed = app.Services.GetRequiredService<GraphChangeFeed>();
        var subscriptions = app.Services.GetRequiredService<SharedSubscriptions>();
        var store = app.Services.GetRequiredService<IGraphStore>();
        using var client = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        var streams = new List<(HttpResponseMessage Response, SseEvents Events)>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var response = await SubscriptionServer.OpenStreamAsync(client, Revisions);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                streams.Add((response, new SseEvents(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken))));
            }

            await SubscriptionServer.WaitUntilAsync(() => subscriptions.ListeningCount == 20);
            Assert.Equal(1, subscriptions.ExecutionCount);
            Assert.Equal(1, feed.SubscriberCount); // one execution is one subscriber of the feed, whatever the streams

            var before = await store.GetRevisionAsync(TestContext.Current.CancellationToken);
            await app.GraphQL().QueryAsync("""mutation { upsertSkill(input: { id: "sql", name: "SQL" }) { id } }""");
            var expected = WithRevision("""{"data":{"graphChanged":{"revision":REVISION,"nodes":[{"id":"sql","change":"CREATED"}]}}}""", before + 1);
            foreach (var (_, events) in streams)
            {
                var received = await events.NextAsync(Patience);
                Assert.Equal("next", received.Name);
                Assert.Equal(expected, received.Data);
            }
        }
        finally
        {
            foreach (var (response, events) in streams)
            {
                events.Dispose();
                response.Dispose();
            }
        }

        await SubscriptionServer.WaitUntilAsync(() => subscriptions.SubscriberCount == 0 && subscriptions.ExecutionCount == 0 && feed.SubscriberCount == 0);
    }

    [Fact]
    public async Task Different_documents_and_variables_each_get_their_own_answer()
    {
        using var app = SubscriptionServer.Started(new RoleGraphApiFactory());
        var subscriptions = app.Services.GetRequiredService<SharedSubscriptions>();
        var store = app.Services.GetRequiredService<IGraphStore>();
        using var client = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        const string chosen = "subscription Changes($withNodes: Boolean!) { graphChanged { revision nodes @include(if: $withNodes) { id } } }";
        using var plain = await SubscriptionServer.OpenStreamAsync(client, Revisions);
        using var plainAgain = await SubscriptionServer.OpenStreamAsync(client, Revisions);
        using var counts = await SubscriptionServer.OpenStreamAsync(client, "subscription { graphChanged { nodeCount linkCount } }");
        using var withNodes = await SubscriptionServer.OpenStreamAsync(client, chosen, new { withNodes = true });
        using var withoutNodes = await SubscriptionServer.OpenStreamAsync(client, chosen, new { withNodes = false });
        await SubscriptionServer.WaitUntilAsync(() => subscriptions.ListeningCount == 5);
        Assert.Equal(4, subscriptions.ExecutionCount); // the two plain streams share one

        var before = await store.GetRevisionAsync(TestContext.Current.CancellationToken);
        await app.GraphQL().QueryAsync("""mutation { link(fromId: "data-scientist", toId: "python", relation: REQUIRES, importance: 0.25) { importance } }""");
        await app.GraphQL().QueryAsync("""mutation { upsertSkill(input: { id: "sql", name: "SQL" }) { id } }""");
        var revision = before + 2;

        Assert.Equal(WithRevision("""{"data":{"graphChanged":{"revision":REVISION,"nodes":[{"id":"sql","change":"CREATED"}]}}}""", revision), await SecondDataAsync(plain));
        Assert.Equal(WithRevision("""{"data":{"graphChanged":{"revision":REVISION,"nodes":[{"id":"sql","change":"CREATED"}]}}}""", revision), await SecondDataAsync(plainAgain));
        Assert.Equal("""{"data":{"graphChanged":{"nodeCount":1,"linkCount":0}}}""", await SecondDataAsync(counts));
        Assert.Equal(WithRevision("""{"data":{"graphChanged":{"revision":REVISION,"nodes":[{"id":"sql"}]}}}""", revision), await SecondDataAsync(withNodes));
        Assert.Equal(WithRevision("""{"data":{"graphChanged":{"revision":REVISION}}}""", revision), await SecondDataAsync(withoutNodes));
    }

    [Fact]
    public async Task Callers_that_authorization_tells_apart_do_not_share_an_execution()
    {
        using var app = SubscriptionServer.Started(new RoleGraphApiFactory());
        var subscriptions = app.Services.GetRequiredService<SharedSubscriptions>();
        using var anonymous = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        using var keyed = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        keyed.DefaultRequestHeaders.Add("X-Api-Key", RoleGraphApiFactory.TestApiKey);

        using var first = await SubscriptionServer.OpenStreamAsync(anonymous, Revisions);
        using var second = await SubscriptionServer.OpenStreamAsync(anonymous, Revisions);
        using var withKey = await SubscriptionServer.OpenStreamAsync(keyed, Revisions);
        await SubscriptionServer.WaitUntilAsync(() => subscriptions.ListeningCount == 3);
        Assert.Equal(2, subscriptions.ExecutionCount); // the anonymous streams share one, the keyed caller has its own

        await app.GraphQL().QueryAsync("""mutation { upsertSkill(input: { id: "sql", name: "SQL" }) { id } }""");
        foreach (var response in new[] { first, second, withKey })
        {
            using var events = new SseEvents(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
            Assert.Equal("sql", (string)(await events.NextAsync(Patience)).Json!["data"]!["graphChanged"]!["nodes"]![0]!["id"]!);
        }
    }

    [Fact]
    public async Task A_dropped_slow_stream_does_not_affect_the_others_of_its_execution()
    {
        var factory = new RoleGraphApiFactory();
        factory.Settings["RoleGraph:Subscriptions:BufferSize"] = "2";
        factory.Settings["RoleGraph:Subscriptions:DropGracePeriod"] = "00:00:01";
        using var app = SubscriptionServer.Started(factory);
        var subscriptions = app.Services.GetRequiredService<SharedSubscriptions>();
        var store = app.Services.GetRequiredService<IGraphStore>();
        var address = app.ClientOptions.BaseAddress!;
        const string document = "subscription { graphChanged { revision nodes { id kind change } } }";

        using var client = new HttpClient { BaseAddress = address };
        using var reading = await SubscriptionServer.OpenStreamAsync(client, document);
        using var events = new SseEvents(await reading.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        // The same document on a raw socket with a tiny receive buffer that is never read: its sends back up.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
        await socket.ConnectAsync(IPAddress.Loopback, address.Port, TestContext.Current.CancellationToken);
        var body = JsonSerializer.Serialize(new { query = document });
        await socket.SendAsync(Encoding.UTF8.GetBytes($"POST /graphql HTTP/1.1\r\nHost: {address.Authority}\r\nAccept: text/event-stream\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}"), TestContext.Current.CancellationToken);
        await SubscriptionServer.WaitUntilAsync(() => subscriptions.ListeningCount == 2);
        Assert.Equal(1, subscriptions.ExecutionCount);

        // Large events (100 skills with long ids each) until the raw socket's stream is dropped, reading all the while.
        var first = await store.GetRevisionAsync(TestContext.Current.CancellationToken) + 1;
        var writer = app.GraphQL();
        var writes = 0;
        var read = new List<long>();
        while (subscriptions.SubscriberCount == 2 && writes < 400)
        {
            await writer.QueryAsync("mutation($document: String!) { importTaxonomy(document: $document, format: JSON) { changed } }", new { document = Taxonomy(writes) });
            writes++;
            read.Add((long)(await events.NextAsync(Patience)).Json!["data"]!["graphChanged"]!["revision"]!);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"the raw socket's stream was dropped after {writes} writes");
        Assert.True(writes < 400, "The slow stream was never dropped.");

        // The reader goes on getting every write, in order, from the same execution.
        for (var i = 0; i < 3; i++)
        {
            await writer.QueryAsync("mutation($document: String!) { importTaxonomy(document: $document, format: JSON) { changed } }", new { document = Taxonomy(writes) });
            writes++;
            read.Add((long)(await events.NextAsync(Patience)).Json!["data"]!["graphChanged"]!["revision"]!);
        }

        Assert.Equal(Enumerable.Range(0, writes).Select(i => first + i), read);
        Assert.Equal(1, subscriptions.SubscriberCount);
        Assert.Equal(1, subscriptions.ExecutionCount);
    }

    private static string WithRevision(string expected, long revision) =>
        expected.Replace("REVISION", revision.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static async Task<string> SecondDataAsync(HttpResponseMessage response)
    {
        var events = new SseEvents(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        await events.NextAsync(Patience);
        var second = await events.NextAsync(Patience);
        Assert.Equal("next", second.Name);
        return second.Data;
    }

    private static string Taxonomy(int version) => JsonSerializer.Serialize(new
    {
        formatVersion = 1,
        taxonomy = new { name = "Shared subscription test", version = "1.0.0", source = "the test", license = "none" },
        nodes = Enumerable.Range(0, 100).Select(i => new
        {
            id = $"shared-subscription-test-skill-with-a-long-identifier-number-{i:D3}",
            kind = "Skill",
            name = $"Skill {i} version {version}",
        }),
        links = Array.Empty<object>(),
    });
}
