using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RoleGraph.Tests.Http;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Operations;
using RoleGraph.Tests.Writes;

namespace RoleGraph.Tests.Published;

/// <summary>
/// The published executable (see <see cref="PublishedBinary"/>) written to through its real interfaces: mutations read
/// back, taxonomy imports in YAML and JSON, exports that import back unchanged, graphChanged over Server-Sent Events
/// and WebSockets, API keys and bearer tokens, the audit trail, the Prometheus endpoint, and conditional GETs that a
/// write invalidates. One service for the class; each test writes nodes of its own, so their order does not matter.
/// </summary>
[Collection(PublishedOnce.Name)]
public sealed class PublishedWriteTests(PublishedWriteTests.Service service) : IClassFixture<PublishedWriteTests.Service>
{
    private const string SigningKey = "a-signing-key-for-tests-only-32-bytes-long!";

    private const string Import = "mutation($document: String!, $format: TaxonomyFormat!, $mode: ImportMode, $dryRun: Boolean) { "
        + "importTaxonomy(document: $document, format: $format, mode: $mode, dryRun: $dryRun) { " + WriteRequests.ReportFields + " } }";

    private const string Subscribe = "subscription { graphChanged { revision detailed nodeCount linkCount nodes { id kind change } links { fromId toId relation change } } }";

    public sealed class Service(PublishedBinary binary) : IAsyncLifetime
    {
        private readonly TempDirectory _directory = new();

        public PublishedBinary Binary { get; } = binary;

        public PublishedService? Running { get; private set; }

        public string AuditFile => _directory.Combine("audit.jsonl");

        public async ValueTask InitializeAsync()
        {
            if (Binary.IsAvailable)
            {
                Running = await PublishedService.StartAsync(Binary, _directory.Combine("rolegraph.json"),
                    "--RoleGraph:Audit:File=" + AuditFile,
                    "--RoleGraph:Telemetry:PrometheusEndpoint=true",
                    "--RoleGraph:Auth:Jwt:SigningKey=" + SigningKey,
                    "--RoleGraph:Auth:Jwt:Issuer=https://issuer.test",
                    "--RoleGraph:Auth:Jwt:Audience=rolegraph");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Running is not null)
            {
                await Running.DisposeAsync();
            }

            _directory.Dispose();
        }
    }

    private static readonly TimeSpan Patience = SubscriptionServer.Patience;

    private PublishedService Started()
    {
        service.Binary.EnsureAvailable();
        var running = service.Running!;
        running.Mark();
        return running;
    }

    [Fact]
    public async Task Upserts_links_unlinks_and_deletes_are_read_back_and_audited()
    {
        var running = Started();

        var created = (await running.QueryAsync("""
            mutation AddQuantum { upsertSkill(input: { id: "quantum-computing", name: "  Quantum computing ", description: "Qubits.",
                aliases: ["QC"], properties: [{ key: "origin", value: "test" }] }) { __typename id name kind aliases properties { key value } } }
            """))["upsertSkill"]!;
        var linked = (await running.QueryAsync("""
            mutation { link(fromId: "data-scientist", toId: "quantum-computing", relation: REQUIRES, importance: 0.4, level: 0.7) {
                from { id } to { id } relation importance level } }
            """))["link"]!;
        var read = await running.QueryAsync("""
            { role(id: "data-scientist") { skills { skill { id } importance level }
                skillsConnection(where: { id: { eq: "quantum-computing" } }) { totalCount edges { importance level node { name } } } }
              skill(id: "quantum-computing") { description aliases properties { key value } roles { role { id } importance level } } }
            """);

        Assert.Equal("""{"__typename":"Skill","id":"quantum-computing","name":"Quantum computing","kind":"SKILL","aliases":["QC"],"properties":[{"key":"origin","value":"test"}]}""", created.ToJsonString());
        Assert.Equal("""{"from":{"id":"data-scientist"},"to":{"id":"quantum-computing"},"relation":"REQUIRES","importance":0.4,"level":0.7}""", linked.ToJsonString());
        // The least important of the role's skills, so the last.
        Assert.Equal("quantum-computing", (string?)read["role"]!["skills"]!.AsArray()[^1]!["skill"]!["id"]);
        Assert.Equal("""{"totalCount":1,"edges":[{"importance":0.4,"level":0.7,"node":{"name":"Quantum computing"}}]}""", read["role"]!["skillsConnection"]!.ToJsonString());
        Assert.Equal("""{"description":"Qubits.","aliases":["QC"],"properties":[{"key":"origin","value":"test"}],"roles":[{"role":{"id":"data-scientist"},"importance":0.4,"level":0.7}]}""", read["skill"]!.ToJsonString());

        // Refusals name the argument at fault and change nothing.
        var outOfRange = await running.GraphQL.RefusedAsync("link", """mutation { link(fromId: "data-scientist", toId: "quantum-computing", relation: REQUIRES, importance: 1.5) { importance } }""");
        var linkedNode = await running.GraphQL.RefusedAsync("deleteNode", """mutation { deleteNode(id: "quantum-computing") { changed } }""");
        Assert.Equal(("BAD_USER_INPUT", "importance", "The importance must be between 0 and 1; got 1.5."), (outOfRange[0].Code(), outOfRange[0].Input(), outOfRange[0].Message()));
        Assert.Equal("The node 'quantum-computing' has 1 link; delete with cascade to remove it too.", Assert.Single(linkedNode).Message());

        var unlinked = (await running.QueryAsync($$"""mutation { unlink(fromId: "data-scientist", toId: "quantum-computing", relation: REQUIRES) { {{WriteRequests.ReportFields}} } }"""))["unlink"]!;
        var deleted = (await running.QueryAsync($$"""mutation { deleteNode(id: "quantum-computing") { {{WriteRequests.ReportFields}} } }"""))["deleteNode"]!;
        var gone = await running.QueryAsync("""{ node(id: "quantum-computing") { id } role(id: "data-scientist") { skills { skill { id } } } }""");

        Assert.Equal(((0, 0, 0, 1), (0, 0, 0, 0)), (unlinked["links"]!.Counts(), unlinked["nodes"]!.Counts()));
        Assert.Equal(((0, 0, 0, 0), (0, 0, 0, 1)), (deleted["links"]!.Counts(), deleted["nodes"]!.Counts()));
        Assert.Null(gone["node"]);
        Assert.DoesNotContain("quantum-computing", gone["role"]!["skills"]!.AsArray().Select(s => (string?)s!["skill"]!["id"]));

        // One audit line per write that changed the graph, with who and what.
        var audit = File.ReadAllLines(service.AuditFile).Select(l => JsonNode.Parse(l)!).ToArray();
        var upsert = Assert.Single(audit, a => (string?)a["operation"] == "mutation AddQuantum { upsertSkill }")!;
        Assert.Equal(("key:tests", """["quantum-computing"]""", 1), ((string)upsert["actor"]!, upsert["ids"]!.ToJsonString(), (int)upsert["nodes"]!["created"]!));
        Assert.Contains(audit, a => a["ids"]!.AsArray().Any(id => (string?)id == "data-scientist -REQUIRES-> quantum-computing"));
        Assert.DoesNotContain(RoleGraphApiFactory.TestApiKey, File.ReadAllText(service.AuditFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_in_yaml_and_json_merge_once_and_invalid_documents_are_refused_with_their_places()
    {
        var running = Started();
        const string yaml = """
            formatVersion: 1
            taxonomy: { name: Data engineering, license: CC0 }
            nodes:
              - { id: data-engineer, kind: Role, name: Data Engineer, properties: { primaryFocus: Pipelines } }
              - { id: apache-spark, kind: Tool, name: Apache Spark, aliases: [Spark] }
            links:
              - { from: data-engineer, to: data-analysis, relation: REQUIRES, importance: 0.9, level: 0.5 }
              - { from: data-engineer, to: apache-spark, relation: USES }
              - { from: apache-spark, to: data-analysis, relation: SUPPORTS }
            """;
        const string json = """
            {
              "formatVersion": 1,
              "taxonomy": { "name": "Analytics engineering", "license": "CC0" },
              "nodes": [
                { "id": "analytics-engineer", "kind": "Role", "name": "Analytics Engineer" },
                { "id": "dbt", "kind": "Tool", "name": "dbt", "properties": { "vendor": "dbt Labs" } }
              ],
              "links": [
                { "from": "analytics-engineer", "to": "dbt", "relation": "USES", "importance": 0.5 },
                { "from": "analytics-engineer", "to": "data-analysis", "relation": "REQUIRES" }
              ]
            }
            """;
        var before = await running.GraphQL.ExportAsync();

        var dryRun = (await running.QueryAsync(Import, new { document = yaml, format = "YAML", dryRun = true }))["importTaxonomy"]!;
        var afterDryRun = await running.GraphQL.ExportAsync();
        var fromYaml = (await running.QueryAsync(Import, new { document = yaml, format = "YAML" }))["importTaxonomy"]!;
        var again = (await running.QueryAsync(Import, new { document = yaml, format = "YAML", mode = "MERGE" }))["importTaxonomy"]!;
        var fromJson = (await running.QueryAsync(Import, new { document = json, format = "JSON" }))["importTaxonomy"]!;

        Assert.Equal((true, true, (2, 0, 0, 0), (3, 0, 0, 0)), ((bool)dryRun["dryRun"]!, (bool)dryRun["changed"]!, dryRun["nodes"]!.Counts(), dryRun["links"]!.Counts()));
        Assert.Equal(before, afterDryRun);
        Assert.Equal((false, (2, 0, 0, 0), (3, 0, 0, 0)), ((bool)fromYaml["dryRun"]!, fromYaml["nodes"]!.Counts(), fromYaml["links"]!.Counts()));
        Assert.Equal((false, (0, 0, 2, 0), (0, 0, 3, 0)), ((bool)again["changed"]!, again["nodes"]!.Counts(), again["links"]!.Counts()));
        Assert.Equal((2, 0, 0, 0), fromJson["nodes"]!.Counts());
        Assert.Equal((2, 0, 0, 0), fromJson["links"]!.Counts());

        var data = await running.QueryAsync("""
            { dataEngineer: role(id: "data-engineer") { primaryFocus skills { skill { id } importance level } tools { tool { id aliases } } }
              analyticsEngineer: role(id: "analytics-engineer") { tools { tool { id properties { key value } } importance } skills { skill { id } importance } } }
            """);
        Assert.Equal("""{"primaryFocus":"Pipelines","skills":[{"skill":{"id":"data-analysis"},"importance":0.9,"level":0.5}],"tools":[{"tool":{"id":"apache-spark","aliases":["Spark"]}}]}""", data["dataEngineer"]!.ToJsonString());
        Assert.Equal("""{"tools":[{"tool":{"id":"dbt","properties":[{"key":"vendor","value":"dbt Labs"}]},"importance":0.5}],"skills":[{"skill":{"id":"data-analysis"},"importance":null}]}""", data["analyticsEngineer"]!.ToJsonString());

        // An invalid JSON document: one error per problem, each with its line, column and JSON path; nothing written.
        const string broken = """
            {
              "formatVersion": 2,
              "taxonomy": { "name": "Broken" },
              "nodes": [
                { "id": "Not A Slug", "kind": "Skill", "name": "Bad id" },
                { "id": "fine-role", "kind": "Role", "name": "Fine role", "colour": "red" }
              ],
              "links": [
                { "from": "fine-role", "to": "nowhere", "relation": "REQUIRES" },
                { "from": "fine-role", "to": "python", "relation": "LOVES" }
              ]
            }
            """;
        var beforeRefusal = await running.GraphQL.ExportAsync();
        var errors = await running.GraphQL.RefusedAsync("importTaxonomy", Import, new { document = broken, format = "JSON" });
        var yamlAsJson = await running.GraphQL.RefusedAsync("importTaxonomy", Import, new { document = yaml, format = "JSON", dryRun = true });

        Assert.All(errors, e => Assert.Equal("BAD_USER_INPUT", e.Code()));
        Assert.Equal(
            ["2:20 $.formatVersion", "5:13 $.nodes[0].id", "6:63 $.nodes[1].colour", "9:34 $.links[0].to", "10:56 $.links[1].relation"],
            errors.OrderBy(e => (int)e["extensions"]!["line"]!).Select(e => $"{(int)e["extensions"]!["line"]!}:{(int)e["extensions"]!["column"]!} {(string)e["extensions"]!["jsonPath"]!}"));
        Assert.Contains("not JSON", Assert.Single(yamlAsJson).Message(), StringComparison.Ordinal);
        Assert.Equal(beforeRefusal, await running.GraphQL.ExportAsync());
    }

    [Theory]
    [InlineData("YAML")]
    [InlineData("JSON")]
    public async Task An_export_imported_back_in_replace_mode_changes_nothing(string format)
    {
        var running = Started();

        var exported = (string)(await running.QueryAsync($"{{ exportTaxonomy(format: {format}) }}"))["exportTaxonomy"]!;
        var report = (await running.QueryAsync(Import, new { document = exported, format, mode = "REPLACE", dryRun = true }))["importTaxonomy"]!;
        var counts = await running.QueryAsync("{ roles { totalCount } skills { totalCount } tools { totalCount } responsibilities { totalCount } categories { totalCount } }");

        Assert.True(exported.Length > 1000, exported);
        Assert.False((bool)report["changed"]!, report.ToJsonString());
        var nodes = counts.AsObject().Sum(list => (int)list.Value!["totalCount"]!);
        Assert.Equal((0, 0, nodes, 0), report["nodes"]!.Counts());
        if (format == "JSON")
        {
            Assert.Equal(nodes, JsonNode.Parse(exported)!["nodes"]!.AsArray().Count);
        }
        else
        {
            Assert.Equal(nodes, exported.Split('\n').Count(l => l.StartsWith("- id: ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_graphChanged_subscriber_over_server_sent_events_receives_each_write()
    {
        var running = Started();
        using var stream = await SubscriptionServer.OpenStreamAsync(running.Http, Subscribe);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var events = new SseEvents(await stream.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        // The stream's headers come once the subscription has joined the change feed: every write from now is an event.
        await running.QueryAsync("""mutation { upsertSkill(input: { id: "sse-skill", name: "SSE skill" }) { id } }""");
        var created = await NextEventAsync(running, events);
        await running.QueryAsync("""mutation { link(fromId: "data-scientist", toId: "sse-skill", relation: REQUIRES, importance: 0.5) { importance } }""");
        var linked = await NextEventAsync(running, events);
        await running.QueryAsync("""mutation { deleteNode(id: "sse-skill", cascade: true) { changed } }""");
        var deleted = await NextEventAsync(running, events);

        Assert.True((bool)created["detailed"]!);
        Assert.Equal("""[{"id":"sse-skill","kind":"SKILL","change":"CREATED"}]""", created["nodes"]!.ToJsonString());
        Assert.Equal((1, 0), ((int)created["nodeCount"]!, (int)created["linkCount"]!));
        Assert.Equal((long)created["revision"]! + 1, (long)linked["revision"]!);
        Assert.Equal("""[{"fromId":"data-scientist","toId":"sse-skill","relation":"REQUIRES","change":"CREATED"}]""", linked["links"]!.ToJsonString());
        Assert.Equal((long)created["revision"]! + 2, (long)deleted["revision"]!);
        Assert.Equal("""[{"id":"sse-skill","kind":"SKILL","change":"DELETED"}]""", deleted["nodes"]!.ToJsonString());
        Assert.Equal("""[{"fromId":"data-scientist","toId":"sse-skill","relation":"REQUIRES","change":"DELETED"}]""", deleted["links"]!.ToJsonString());
    }

    [Fact]
    public async Task A_graphChanged_subscriber_over_websockets_receives_a_write_and_queries_run_on_the_same_connection()
    {
        var running = Started();
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{running.Port}/graphql"), TestContext.Current.CancellationToken);
        Assert.Equal("graphql-transport-ws", socket.SubProtocol);

        await SendAsync(socket, """{"type":"connection_init"}""");
        Assert.Equal("""{"type":"connection_ack"}""", (await ReceiveAsync(socket))?.ToJsonString());
        await SendAsync(socket, """{"type":"ping"}""");
        Assert.Equal("pong", (string?)(await ReceiveAsync(socket))?["type"]);
        await SendAsync(socket, new JsonObject { ["id"] = "changes", ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = Subscribe } }.ToJsonString());

        // A subscribe has no answer to wait for: write (a new name each time, so each is a change) until an event comes.
        var receiving = ReceiveAsync(socket);
        for (var attempt = 0; !receiving.IsCompleted; attempt++)
        {
            await running.AssertAsync(attempt < 30, "No graphChanged event over the WebSocket after 30 writes.");
            await running.QueryAsync("mutation($name: String!) { upsertSkill(input: { id: \"ws-skill\", name: $name }) { id } }", new { name = $"WebSocket skill {attempt}" });
            await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        }

        var next = (await receiving)!;
        Assert.Equal(("next", "changes"), ((string?)next["type"], (string?)next["id"]));
        var change = next["payload"]!["data"]!["graphChanged"]!;
        Assert.Equal("ws-skill", (string?)change["nodes"]![0]!["id"]);
        Assert.Contains((string?)change["nodes"]![0]!["change"], new[] { "CREATED", "UPDATED" });

        await SendAsync(socket, """{"id":"changes","type":"complete"}""");
        await SendAsync(socket, """{"id":"q","type":"subscribe","payload":{"query":"{ role(id: \"data-scientist\") { name } }"}}""");
        // Events of writes made before the complete may still be on their way.
        var answer = await ReceiveAsync(socket);
        while ((string?)answer?["id"] == "changes")
        {
            answer = await ReceiveAsync(socket);
        }

        Assert.Equal("""{"id":"q","type":"next","payload":{"data":{"role":{"name":"Data Scientist"}}}}""", answer?.ToJsonString());
        Assert.Equal("""{"id":"q","type":"complete"}""", (await ReceiveAsync(socket))?.ToJsonString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Writes_need_an_api_key_or_a_bearer_token_with_graph_write()
    {
        var running = Started();
        const string mutation = """mutation { upsertSkill(input: { id: "token-skill", name: "Token skill" }) { id } }""";

        var writer = await WithHeader(running, "Authorization", "Bearer " + Token("graph:read graph:write")).PostAsync(mutation);
        var reader = await WithHeader(running, "Authorization", "Bearer " + Token("graph:read")).PostAsync(mutation);
        var forged = await WithHeader(running, "Authorization", "Bearer " + Token("graph:write", "another-signing-key-that-is-32-bytes-long!!")).PostAsync(mutation);
        var badKey = await WithHeader(running, "X-Api-Key", "guess").PostAsync(mutation);

        await running.AssertAsync(writer.Status == HttpStatusCode.OK && writer.Errors is null, $"A token with graph:write: HTTP {(int)writer.Status}: {writer.Text}");
        Assert.Equal("token-skill", (string?)writer.Data!["upsertSkill"]!["id"]);
        Assert.Equal((HttpStatusCode.Forbidden, "FORBIDDEN"), (reader.Status, reader.SingleErrorCode()));
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (forged.Status, forged.SingleErrorCode()));
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (badKey.Status, badKey.SingleErrorCode()));
        Assert.Contains("Bearer", forged.Message.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_invalidates_the_etag_of_a_get_and_the_new_answer_is_304_again()
    {
        var running = Started();
        var client = running.GraphQL;
        var queryString = ConditionalRequests.Query("{ skills { totalCount } }");

        var before = await client.ConditionalGetAsync(queryString, ifNoneMatch: null);
        var unchanged = await client.ConditionalGetAsync(queryString, before.ETag());
        await running.QueryAsync("""mutation { upsertSkill(input: { id: "http-caching", name: "HTTP caching" }) { id } }""");
        var after = await client.ConditionalGetAsync(queryString, before.ETag());
        var repeat = await client.ConditionalGetAsync(queryString, after.ETag());

        Assert.Equal(HttpStatusCode.NotModified, unchanged.Status);
        await running.AssertAsync(after.Status == HttpStatusCode.OK, $"HTTP {(int)after.Status}: {after.Text}");
        Assert.Equal((int)before.Data!["skills"]!["totalCount"]! + 1, (int)after.Data!["skills"]!["totalCount"]!);
        Assert.NotEqual(before.ETag(), after.ETag());
        Assert.Equal(HttpStatusCode.NotModified, repeat.Status);
    }

    [Fact]
    public async Task The_prometheus_endpoint_serves_the_operations_metrics()
    {
        var running = Started();
        await running.QueryAsync("""query RoleName { role(id: "data-scientist") { name } }""");

        using var response = await running.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        await running.AssertAsync(response.StatusCode == HttpStatusCode.OK, $"/metrics: HTTP {(int)response.StatusCode}: {text}");
        Assert.Contains("rolegraph_graphql_operation_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("graphql_operation_name=\"RoleName\"", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> NextEventAsync(PublishedService running, SseEvents events)
    {
        SseEvents.Event next;
        try
        {
            next = await events.NextAsync(Patience);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail(await running.ExplainAsync($"No graphChanged event within {Patience.TotalSeconds} s of the write."));
            throw;
        }

        Assert.Equal("next", next.Name);
        var change = next.Json?["data"]?["graphChanged"];
        await running.AssertAsync(change is not null, $"An event without a change: {next.Data}");
        return change!;
    }

    private static GraphQLClient WithHeader(PublishedService running, string name, string value)
    {
        var http = new HttpClient { BaseAddress = running.Http.BaseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        return new GraphQLClient(http);
    }

    private static string Token(string scope, string key = SigningKey) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.test",
            Audience = "rolegraph",
            Claims = new Dictionary<string, object> { ["scope"] = scope, ["sub"] = "someone" },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });

    private static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);

    /// <summary>The next message, or null when the server closed the connection.</summary>
    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket)
    {
        // Cancelling a receive aborts the socket: the bound is the test's own, and callers wait on the task instead.
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
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
