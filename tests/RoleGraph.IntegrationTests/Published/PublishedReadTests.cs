using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoleGraph.Api.Hosting;
using RoleGraph.Tests.Cli;
using RoleGraph.Tests.Http;
using RoleGraph.Tests.Ide;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Published;

/// <summary>
/// The published executable (see <see cref="PublishedBinary"/>, which documents ROLEGRAPH_PUBLISHED_BINARY) started
/// once as a container starts it, on an empty data file, and read through its real interfaces: the seeded graph,
/// lookups, lists, link connections, the analyses, introspection, errors, conditional GETs, persisted queries, health,
/// the IDE and the explorer. Expected answers are those of the in-process tests (Api/, Http/), read off the seed;
/// the last theory holds every answer to the in-process service on the JIT, byte for byte.
/// </summary>
[Collection(PublishedOnce.Name)]
public sealed class PublishedReadTests(PublishedReadTests.Service service) : IClassFixture<PublishedReadTests.Service>
{
    /// <summary>The one service of this class; its tests only read, so they share it.</summary>
    public sealed class Service(PublishedBinary binary) : IAsyncLifetime
    {
        private readonly TempDirectory _directory = new();

        public PublishedBinary Binary { get; } = binary;

        public PublishedService? Running { get; private set; }

        /// <summary>The same sources in process on the JIT, in Production like the executable; started on first use.</summary>
        public RoleGraphApiFactory Jit { get; } = new() { EnvironmentName = "Production" };

        public async ValueTask InitializeAsync()
        {
            if (Binary.IsAvailable)
            {
                Running = await PublishedService.StartAsync(Binary, _directory.Combine("rolegraph.json"));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Running is not null)
            {
                await Running.DisposeAsync();
            }

            await Jit.DisposeAsync();
            _directory.Dispose();
        }
    }

    private static string[] Ids(JsonNode? list) => list!.AsArray().Select(n => (string)n!["id"]!).ToArray();

    private PublishedService Started()
    {
        service.Binary.EnsureAvailable();
        var running = service.Running!;
        running.Mark();
        return running;
    }

    [Fact]
    public async Task The_first_start_seeds_the_empty_data_file_from_the_shipped_seed()
    {
        var running = Started();

        var data = await running.QueryAsync("""
            { role(id: "machine-learning-engineer") {
                name kind aliases primaryFocus properties { key value }
                skills { skill { id } importance level role { id } }
                tools { tool { id } importance }
                responsibilities { id } } }
            """);

        var role = data["role"]!;
        Assert.Equal("ROLE", (string?)role["kind"]);
        Assert.Contains("ML Engineer", role["aliases"]!.AsArray().Select(a => (string?)a));
        Assert.StartsWith("The technical aspects of deploying", (string?)role["primaryFocus"]);
        Assert.Equal("primaryFocus", (string?)role["properties"]![0]!["key"]);
        var skills = role["skills"]!.AsArray();
        Assert.Equal(
            ["programming", "data-and-algorithms", "machine-learning-frameworks", "cloud-services", "c", "java", "python"],
            skills.Select(s => (string)s!["skill"]!["id"]!));
        Assert.Equal(1.0, (double)skills[0]!["importance"]!);
        Assert.Null(skills[0]!["level"]);
        Assert.All(skills, s => Assert.Equal("machine-learning-engineer", (string?)s!["role"]!["id"]));
        Assert.Equal(["aws", "azure", "gcp", "pytorch", "tensorflow"], role["tools"]!.AsArray().Select(t => (string)t!["tool"]!["id"]!));
        Assert.Equal(7, role["responsibilities"]!.AsArray().Count);

        // The image's seed is the repository's, and all of it was loaded into the data file.
        foreach (var file in CliRun.SeedFiles)
        {
            var shipped = Path.Combine(service.Binary.SeedDirectory, Path.GetFileName(file));
            Assert.True(File.Exists(shipped), $"{shipped} is not in the publish output.");
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(shipped));
        }

        Assert.Contains($"Seeded the empty store with {CliRun.Seed.Nodes.Count} nodes and {CliRun.Seed.Links.Count} links", running.Log, StringComparison.Ordinal);
        Assert.Contains("Hosting environment: Production", running.Log, StringComparison.Ordinal);
        Assert.True(File.Exists(running.DataFile), running.ToString());
    }

    [Fact]
    public async Task Node_lookups_resolve_every_kind_and_link_back()
    {
        var running = Started();

        var data = await running.QueryAsync("""
            { role: node(id: "data-scientist") { __typename id name }
              skillNode: node(id: "python") { __typename name }
              tool: node(id: "tensorflow") { __typename }
              responsibility: node(id: "conduct-experiments") { __typename }
              category: node(id: "cloud-platforms") { __typename }
              missing: node(id: "no-such-node") { id } mismatch: role(id: "python") { id }
              skill(id: "python") { roles { role { id } importance } categories { id } related { id } }
              matplotlib: tool(id: "matplotlib") { roles { role { id } } supports { id } categories { id } }
              experiments: responsibility(id: "conduct-experiments") { roles { id } }
              technology: category(id: "technology") { members { id } subcategories { id } parents { id } } }
            """);

        Assert.Equal(("Role", "Data Scientist"), ((string)data["role"]!["__typename"]!, (string)data["role"]!["name"]!));
        Assert.Equal("Python", (string?)data["skillNode"]!["name"]);
        Assert.Equal("Tool", (string?)data["tool"]!["__typename"]);
        Assert.Equal("Responsibility", (string?)data["responsibility"]!["__typename"]);
        Assert.Equal("Category", (string?)data["category"]!["__typename"]);
        Assert.Null(data["missing"]);
        Assert.Null(data["mismatch"]);
        Assert.Equal(["data-scientist", "machine-learning-engineer"], data["skill"]!["roles"]!.AsArray().Select(r => (string)r!["role"]!["id"]!));
        Assert.Equal(["programming-languages"], Ids(data["skill"]!["categories"]));
        Assert.Equal(["programming"], Ids(data["skill"]!["related"]));
        Assert.Equal(["data-scientist"], data["matplotlib"]!["roles"]!.AsArray().Select(r => (string)r!["role"]!["id"]!));
        Assert.Equal(["data-visualization"], Ids(data["matplotlib"]!["supports"]));
        Assert.Equal(["data-scientist"], Ids(data["experiments"]!["roles"]));
        Assert.Equal(["cloud-services", "programming"], Ids(data["technology"]!["members"]));
        Assert.Equal(["cloud-platforms", "machine-learning-category", "programming-languages"], Ids(data["technology"]!["subcategories"]));
        Assert.Empty(data["technology"]!["parents"]!.AsArray());
    }

    [Fact]
    public async Task Lists_count_filter_order_and_page_with_cursors()
    {
        var running = Started();

        var data = await running.QueryAsync("""
            { roles { totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
              skills { totalCount } tools { totalCount } responsibilities { totalCount } categories { totalCount }
              contains: skills(where: { name: { contains: "DATA" } }) { nodes { id } }
              in: tools(where: { id: { in: ["aws", "gcp", "nope"] } }) { totalCount }
              or: tools(where: { or: [{ name: { eq: "tableau" } }, { id: { startsWith: "mat" } }] }) { nodes { id } }
              and: skills(where: { and: [{ name: { contains: "data" } }, { name: { ncontains: "mining" } }] }) { nodes { id } }
              byNameDesc: roles(order: [{ name: DESC }]) { nodes { id } }
              byIdDesc: tools(first: 3, order: [{ id: DESC }]) { nodes { id } } }
            """);

        Assert.Equal(2, (int)data["roles"]!["totalCount"]!);
        Assert.Equal(["data-scientist", "machine-learning-engineer"], Ids(data["roles"]!["nodes"]));
        var edges = data["roles"]!["edges"]!.AsArray();
        Assert.Equal((string?)edges[0]!["cursor"], (string?)data["roles"]!["pageInfo"]!["startCursor"]);
        Assert.Equal((string?)edges[1]!["cursor"], (string?)data["roles"]!["pageInfo"]!["endCursor"]);
        Assert.False((bool)data["roles"]!["pageInfo"]!["hasNextPage"]!);
        Assert.Equal((14, 7, 15, 8), ((int)data["skills"]!["totalCount"]!, (int)data["tools"]!["totalCount"]!, (int)data["responsibilities"]!["totalCount"]!, (int)data["categories"]!["totalCount"]!));
        Assert.Equal(["data-analysis", "data-mining", "data-visualization", "data-and-algorithms"], Ids(data["contains"]!["nodes"]));
        Assert.Equal(2, (int)data["in"]!["totalCount"]!);
        Assert.Equal(["matplotlib", "tableau"], Ids(data["or"]!["nodes"]));
        Assert.Equal(["data-analysis", "data-visualization", "data-and-algorithms"], Ids(data["and"]!["nodes"]));
        Assert.Equal(["machine-learning-engineer", "data-scientist"], Ids(data["byNameDesc"]!["nodes"]));
        Assert.Equal(["tensorflow", "tableau", "pytorch"], Ids(data["byIdDesc"]!["nodes"]));

        // Forward with first/after over the whole list, once each.
        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var page = (await running.QueryAsync(
                "query($after: String) { skills(first: 4, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }", new { after }))["skills"]!;
            seen.AddRange(Ids(page["nodes"]));
            Assert.Equal(after is not null, (bool)page["pageInfo"]!["hasPreviousPage"]!);
            hasNext = (bool)page["pageInfo"]!["hasNextPage"]!;
            after = (string?)page["pageInfo"]!["endCursor"];
        }
        while (hasNext);

        Assert.Equal(14, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal("ab-testing", seen[0]);

        // Backward with last/before.
        var all = (await running.QueryAsync("{ tools(first: 100) { edges { cursor node { id } } } }"))["tools"]!["edges"]!.AsArray();
        var before = (await running.QueryAsync(
            "query($b: String) { tools(last: 2, before: $b) { nodes { id } pageInfo { hasPreviousPage hasNextPage } } }", new { b = (string)all[5]!["cursor"]! }))["tools"]!;
        Assert.Equal([(string)all[3]!["node"]!["id"]!, (string)all[4]!["node"]!["id"]!], Ids(before["nodes"]));
        Assert.True((bool)before["pageInfo"]!["hasPreviousPage"]!);
        Assert.True((bool)before["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task Lists_filter_by_links_and_properties_and_a_nodes_link_connections_filter_order_and_page()
    {
        var running = Started();

        var data = await running.QueryAsync("""
            { pythonAndAws: roles(where: { skills: { some: { id: { eq: "python" } } }, tools: { some: { name: { eq: "aws" } } } }) { nodes { id } }
              programmingAt07: roles(where: { skills: { some: { id: { eq: "programming" }, importance: { gte: 0.7 } } } }) { nodes { id } }
              allSkillsAt06Or1: roles(where: { skills: { all: { importance: { in: [0.6, 1] } } } }) { nodes { id } }
              languages: skills(where: { categories: { some: { name: { eq: "Programming languages" } } } }) { nodes { id } }
              leaves: categories(where: { subcategories: { any: false }, skills: { any: true } }) { nodes { id } }
              focus: roles(where: { properties: { some: { key: { eq: "PRIMARYFOCUS" }, value: { contains: "datasets" } } } }) { nodes { id } }
              skill(id: "python") { rolesConnection { totalCount importance { avg } nodes { id } } }
              category(id: "programming-languages") { skillsConnection(last: 2) { totalCount nodes { id } } parentsConnection { nodes { id } } }
              topItems(roleIds: ["machine-learning-engineer", "data-scientist"], kinds: [SKILL], first: 3) {
                roleCount items { node { id } roleCount share importance { min max avg count } } } }
            """);

        Assert.Equal(["machine-learning-engineer"], Ids(data["pythonAndAws"]!["nodes"]));
        Assert.Equal(["data-scientist", "machine-learning-engineer"], Ids(data["programmingAt07"]!["nodes"]));
        Assert.Equal(["data-scientist"], Ids(data["allSkillsAt06Or1"]!["nodes"]));
        Assert.Equal(["c", "java", "python", "r"], Ids(data["languages"]!["nodes"]));
        Assert.Equal(["business-skills", "programming-languages"], Ids(data["leaves"]!["nodes"]));
        Assert.Equal(["data-scientist"], Ids(data["focus"]!["nodes"]));
        Assert.Equal(2, (int)data["skill"]!["rolesConnection"]!["totalCount"]!);
        Assert.Equal(0.6, (double)data["skill"]!["rolesConnection"]!["importance"]!["avg"]!);
        Assert.Equal(["data-scientist", "machine-learning-engineer"], Ids(data["skill"]!["rolesConnection"]!["nodes"]));
        Assert.Equal(4, (int)data["category"]!["skillsConnection"]!["totalCount"]!);
        Assert.Equal(["python", "r"], Ids(data["category"]!["skillsConnection"]!["nodes"]));
        Assert.Equal(["technology"], Ids(data["category"]!["parentsConnection"]!["nodes"]));
        Assert.Equal(2, (int)data["topItems"]!["roleCount"]!);
        Assert.Equal(["programming", "data-and-algorithms", "python"], data["topItems"]!["items"]!.AsArray().Select(i => (string)i!["node"]!["id"]!));
        Assert.Equal("""{"min":0.6,"max":0.6,"avg":0.6,"count":2}""", data["topItems"]!["items"]![2]!["importance"]!.ToJsonString());

        // Role.skillsConnection: where on the link's weight, order by the far node's name, pages with cursors,
        // statistics over every matching link, beside the unchanged list.
        const string query = """
            query($after: String) { role(id: "data-scientist") {
                skills { skill { id } }
                skillsConnection(first: 3, after: $after, where: { importance: { lt: 1 } }, order: [{ name: ASC }]) {
                  totalCount importance { count min max avg } level { count }
                  edges { cursor importance node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }
            """;
        var first = (await running.QueryAsync(query))["role"]!;
        var connection = first["skillsConnection"]!;
        var next = (await running.QueryAsync(query, new { after = (string)connection["pageInfo"]!["endCursor"]! }))["role"]!["skillsConnection"]!;

        Assert.Equal(10, first["skills"]!.AsArray().Count);
        Assert.Equal(6, (int)connection["totalCount"]!);
        Assert.Equal("""{"count":6,"min":0.6,"max":0.6,"avg":0.6}""", connection["importance"]!.ToJsonString());
        Assert.Null(connection["level"]);
        Assert.Equal(["ab-testing", "stakeholder-communication", "data-analysis"], connection["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!));
        Assert.All(connection["edges"]!.AsArray(), e => Assert.Equal(0.6, (double)e!["importance"]!));
        Assert.True((bool)connection["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(["data-mining", "python", "r"], next["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!));
        Assert.False((bool)next["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)next["pageInfo"]!["hasPreviousPage"]!);
    }

    [Fact]
    public async Task Search_ranks_exact_prefix_token_and_substring_matches_of_names_and_aliases()
    {
        var running = Started();
        const string query = """
            query($text: String!, $kinds: [NodeKind!], $first: Int) {
              search(text: $text, kinds: $kinds, first: $first) { node { id } kind match matchedText } }
            """;

        var hits = (await running.QueryAsync(query, new { text = "DATA" }))["search"]!.AsArray();
        var exact = (await running.QueryAsync(query, new { text = "python" }))["search"]![0]!;
        var alias = (await running.QueryAsync(query, new { text = "amazon web services" }))["search"]![0]!;
        var tools = (await running.QueryAsync(query, new { text = "py", kinds = new[] { "TOOL" }, first = 5 }))["search"]!;

        var matches = hits.Select(h => (string)h!["match"]!).ToList();
        Assert.Equal(matches.OrderBy(m => Array.IndexOf(["EXACT", "PREFIX", "TOKEN", "SUBSTRING"], m)), matches);
        Assert.Equal(("data-analysis", "PREFIX"), ((string)hits[0]!["node"]!["id"]!, (string)hits[0]!["match"]!));
        Assert.Contains(hits, h => (string?)h!["node"]!["id"] == "analyze-large-datasets" && (string?)h["match"] == "TOKEN");
        Assert.Equal(("python", "EXACT", "Python"), ((string)exact["node"]!["id"]!, (string)exact["match"]!, (string)exact["matchedText"]!));
        Assert.Equal(("aws", "EXACT", "Amazon Web Services"), ((string)alias["node"]!["id"]!, (string)alias["match"]!, (string)alias["matchedText"]!));
        Assert.Equal(["pytorch"], tools.AsArray().Select(h => (string)h!["node"]!["id"]!));
    }

    [Fact]
    public async Task The_analyses_answer_overlap_shortest_paths_skill_gap_similar_roles_and_career_paths()
    {
        var running = Started();

        var data = await running.QueryAsync("""
            { overlap(roleIds: ["machine-learning-engineer", "data-scientist"]) {
                roles { id } kinds jaccard skills { id } tools { id } responsibilities { id }
                perRole { role { id } skills { id } tools { id } responsibilities { id } } }
              shortestPaths(fromId: "machine-learning-engineer", toId: "data-scientist", order: ID) {
                length nodes { id __typename } steps { from { id } to { id } relation forward } }
              via: shortestPaths(fromId: "tensorflow", toId: "data-scientist", via: [USES, SUPPORTS, REQUIRES]) { length }
              skillGap(fromRoleId: "machine-learning-engineer", toRoleId: "data-scientist") {
                from { id } to { id } coverage missing { node { id } kind importance level } carriesOver { node { id } kind importance } }
              careerPath(fromRoleId: "data-scientist", toRoleId: "data-scientist") { score length roles { id } } }
            """);
        // Apart: together the two would pass the cost limit.
        var similarity = await running.QueryAsync("""
            { similarRoles(roleId: "machine-learning-engineer") { role { id } score shared { id }
                facets { facet cosine share contribution } sharedItems { node { id } facet contribution } sharedTerms { term } }
              role(id: "data-scientist") { similar(first: 1) { role { id } score } } }
            """);

        var overlap = data["overlap"]!;
        Assert.Equal(["machine-learning-engineer", "data-scientist"], Ids(overlap["roles"]));
        Assert.Equal(["SKILL", "TOOL", "RESPONSIBILITY"], overlap["kinds"]!.AsArray().Select(k => (string)k!));
        Assert.Equal(["programming", "python", "data-and-algorithms"], Ids(overlap["skills"]));
        Assert.Empty(overlap["tools"]!.AsArray());
        Assert.Equal(["c", "cloud-services", "java", "machine-learning-frameworks"], Ids(overlap["perRole"]![0]!["skills"]));
        Assert.Equal(["matplotlib", "tableau"], Ids(overlap["perRole"]![1]!["tools"]));
        Assert.Equal(3.0 / 36, (double)overlap["jaccard"]!, 12);

        var paths = data["shortestPaths"]!.AsArray();
        Assert.Equal(["data-and-algorithms", "programming", "python"], paths.Select(p => (string)p!["nodes"]![1]!["id"]!));
        Assert.All(paths, p => Assert.Equal((2, "Skill"), ((int)p!["length"]!, (string)p["nodes"]![1]!["__typename"]!)));
        var throughPython = paths[2]!["steps"]!.AsArray();
        Assert.Equal(("machine-learning-engineer", "python", "REQUIRES", true),
            ((string)throughPython[0]!["from"]!["id"]!, (string)throughPython[0]!["to"]!["id"]!, (string)throughPython[0]!["relation"]!, (bool)throughPython[0]!["forward"]!));
        Assert.Equal(("python", "data-scientist", "REQUIRES", false),
            ((string)throughPython[1]!["from"]!["id"]!, (string)throughPython[1]!["to"]!["id"]!, (string)throughPython[1]!["relation"]!, (bool)throughPython[1]!["forward"]!));
        Assert.Equal([3, 3, 3], data["via"]!.AsArray().Select(p => (int)p!["length"]!));

        var gap = data["skillGap"]!;
        Assert.Equal(
            ["data-visualization", "statistical-analysis", "ab-testing", "stakeholder-communication", "data-analysis", "data-mining", "matplotlib", "r", "tableau"],
            gap["missing"]!.AsArray().Select(i => (string)i!["node"]!["id"]!));
        Assert.Equal("TOOL", (string?)gap["missing"]![6]!["kind"]);
        Assert.Equal(["programming", "data-and-algorithms", "python"], gap["carriesOver"]!.AsArray().Select(i => (string)i!["node"]!["id"]!));
        Assert.Equal(2.6 / 8.8, (double)gap["coverage"]!, 12);

        // The skills facet alone (see SimilarRolesTests): its share 1/4 times the cosine of the importance x level vectors.
        var expected = 0.25 * 2.36 / Math.Sqrt(4.21 * 6.16);
        var similar = Assert.Single(similarity["similarRoles"]!.AsArray())!;
        Assert.Equal("data-scientist", (string?)similar["role"]!["id"]);
        Assert.Equal(expected, (double)similar["score"]!, 12);
        Assert.Equal(["programming", "python", "data-and-algorithms"], Ids(similar["shared"]));
        Assert.Equal(0.25, (double)similar["facets"]!.AsArray().Single(f => (string?)f!["facet"] == "skills")!["share"]!, 12);
        var items = similar["sharedItems"]!.AsArray().ToDictionary(i => (string)i!["node"]!["id"]!, i => (double)i!["contribution"]!);
        Assert.Equal(0.25 * 0.36 / Math.Sqrt(4.21 * 6.16), items["python"], 12);
        Assert.Empty(similar["sharedTerms"]!.AsArray());
        Assert.Equal(expected, (double)similarity["role"]!["similar"]![0]!["score"]!, 12);

        var career = Assert.Single(data["careerPath"]!.AsArray())!;
        Assert.Equal((1.0, 0), ((double)career["score"]!, (int)career["length"]!));
        Assert.Equal(["data-scientist"], Ids(career["roles"]));
    }

    [Fact]
    public async Task Introspection_answers_what_schema_graphql_says_and_the_sdl_is_the_contract()
    {
        var running = Started();
        var contract = File.ReadAllText(RepositoryFiles.PathOf("schema.graphql")).ReplaceLineEndings("\n");

        var schema = (await running.QueryAsync(SchemaShape.IntrospectionQuery))["__schema"]!;
        var sdl = await running.Anonymous.GetAsync("sdl", accept: null);

        var served = SchemaShape.FromIntrospection(schema);
        var expected = SchemaShape.FromSdl(contract);
        Assert.True(served.SequenceEqual(expected),
            "Introspection differs from schema.graphql.\nOnly introspected:\n  " + string.Join("\n  ", served.Except(expected).Take(20))
            + "\nOnly in schema.graphql:\n  " + string.Join("\n  ", expected.Except(served).Take(20)));
        Assert.Equal(["deprecated", "include", "skip"], schema["directives"]!.AsArray().Select(d => (string)d!["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Category", "Responsibility", "Role", "Skill", "Tool"],
            schema["types"]!.AsArray().Single(t => (string?)t!["name"] == "Node")!["possibleTypes"]!.AsArray().Select(t => (string)t!["name"]!).Order(StringComparer.Ordinal));

        await running.AssertAsync(sdl.Status == HttpStatusCode.OK, $"GET /graphql?sdl: HTTP {(int)sdl.Status}: {sdl.Text}");
        Assert.Equal("text/plain", sdl.ContentType);
        Assert.True(sdl.Text == contract, "GET /graphql?sdl is not schema.graphql.");
    }

    [Fact]
    public async Task Errors_carry_their_codes_and_statuses()
    {
        var running = Started();
        var client = running.GraphQL;

        var parse = await client.PostAsync("{ roles { totalCount }");
        var parseUnderJson = await client.PostAsync("{ roles { totalCount }", accept: "application/json");
        var unknownField = await client.PostAsync("{ roles { salary } }");
        var badArgument = await client.PostAsync("""{ search(text: "   ") { node { id } } }""");
        var unknownRole = await client.PostAsync("""{ roles { totalCount } overlap(roleIds: ["astronaut", "data-scientist"]) { jaccard } }""");
        var badVariable = await client.PostAsync("query($id: ID!) { role(id: $id) { id } }", variables: new { id = new[] { 1, 2 } });
        var notARequest = await client.PostRawAsync("[1, 2]");
        var wrongType = await client.PostRawAsync("{\"query\":\"{ roles { totalCount } }\"}", contentType: "text/plain");
        var unacceptable = await client.PostAsync("{ roles { totalCount } }", accept: "text/csv");
        var mutationOverGet = await client.GetAsync("query=" + Uri.EscapeDataString("""mutation { deleteNode(id: "python") { changed } }"""));
        var tooDeep = await client.PostAsync("""{ role(id: "data-scientist") { skills { skill { roles { role { skills { skill { id } } } } } } } }""");
        var tooCostly = await client.PostAsync("{ roles(first: 100) { nodes { skillsConnection(first: 100) { edges { importance node { id name } } } } } }");
        var anonymousWrite = await running.Anonymous.PostAsync("""mutation { upsertSkill(input: { id: "sql", name: "SQL" }) { id } }""");

        var answers = new (string What, GraphQLResponse Response, HttpStatusCode Status, string Code)[]
        {
            ("a syntax error", parse, HttpStatusCode.BadRequest, "GRAPHQL_PARSE_FAILED"),
            ("a syntax error under application/json", parseUnderJson, HttpStatusCode.OK, "GRAPHQL_PARSE_FAILED"),
            ("an unknown field", unknownField, HttpStatusCode.BadRequest, "GRAPHQL_VALIDATION_FAILED"),
            ("a blank search text", badArgument, HttpStatusCode.OK, "BAD_USER_INPUT"),
            ("an unknown role beside a good field", unknownRole, HttpStatusCode.OK, "BAD_USER_INPUT"),
            ("a variable of the wrong type", badVariable, HttpStatusCode.BadRequest, "BAD_USER_INPUT"),
            ("a body that is no request", notARequest, HttpStatusCode.BadRequest, "BAD_REQUEST"),
            ("a text/plain body", wrongType, HttpStatusCode.UnsupportedMediaType, "BAD_REQUEST"),
            ("Accept: text/csv", unacceptable, HttpStatusCode.NotAcceptable, "BAD_REQUEST"),
            ("a mutation over GET", mutationOverGet, HttpStatusCode.MethodNotAllowed, "BAD_REQUEST"),
            ("a document too deep", tooDeep, HttpStatusCode.BadRequest, "MAX_DEPTH_EXCEEDED"),
            ("a document too costly", tooCostly, HttpStatusCode.BadRequest, "MAX_COMPLEXITY_EXCEEDED"),
            ("a write without credentials", anonymousWrite, HttpStatusCode.Unauthorized, "UNAUTHENTICATED"),
        };
        foreach (var (what, response, status, code) in answers)
        {
            var codes = response.Errors?.Select(e => (string?)e!["extensions"]?["code"]).ToArray() ?? [];
            await running.AssertAsync(response.Status == status && codes.SequenceEqual([code]),
                $"{what}: expected HTTP {(int)status} {code}, got HTTP {(int)response.Status}: {response.Text}");
        }

        Assert.Contains("salary", (string?)unknownField.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.NotNull(parse.Errors![0]!["locations"]);
        Assert.Equal("text", (string?)badArgument.Errors![0]!["extensions"]!["argument"]);
        Assert.Equal(["search"], badArgument.Errors![0]!["path"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(2, (int)unknownRole.Data!["roles"]!["totalCount"]!);
        Assert.Equal("astronaut", (string?)unknownRole.Errors![0]!["extensions"]!["value"]);
        Assert.StartsWith("The body is not a GraphQL request: ", (string?)notARequest.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("POST", mutationOverGet.Message.Content.Headers.Allow.Single());
        Assert.Empty(running.Failures());
    }

    [Fact]
    public async Task A_get_repeated_with_if_none_match_answers_304_without_a_body()
    {
        var running = Started();
        var client = running.GraphQL;
        var queryString = ConditionalRequests.Query("""{ role(id: "data-scientist") { name skills { skill { id } } } }""");

        var first = await client.ConditionalGetAsync(queryString, ifNoneMatch: null);
        var again = await client.ConditionalGetAsync(queryString, first.ETag());
        var stale = await client.ConditionalGetAsync(queryString, "\"0-0000000000000000\"");

        await running.AssertAsync(first.Status == HttpStatusCode.OK && first.Errors is null, $"GET: HTTP {(int)first.Status}: {first.Text}");
        Assert.Equal("Data Scientist", (string?)first.Data!["role"]!["name"]);
        Assert.Matches("^\"[0-9a-f]+-[0-9a-f]{16}\"$", first.ETag()!);
        Assert.Equal("no-cache", first.CacheControl());
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Equal("", again.Text);
        Assert.Equal(first.ETag(), again.ETag());
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Equal(first.Text, stale.Text);
    }

    [Fact]
    public async Task An_apollo_persisted_query_is_not_found_then_registered_and_then_the_hash_alone_runs_it()
    {
        var running = Started();
        var client = running.GraphQL;
        const string query = "query Persisted { role(id: \"data-scientist\") { name } }";
        var hash = ConditionalRequests.Sha256(query);

        var unknown = await client.GetPersistedAsync(hash);
        var registered = await client.PostPersistedAsync(hash, query);
        var overGet = await client.GetPersistedAsync(hash);
        var overPost = await client.PostPersistedAsync(hash);
        var mismatch = await client.PostPersistedAsync(ConditionalRequests.Sha256("{ roles { totalCount } }"), query);

        await running.AssertAsync(unknown.Status == HttpStatusCode.OK && (string?)unknown.Errors?[0]?["extensions"]?["code"] == "PERSISTED_QUERY_NOT_FOUND", unknown.Text);
        Assert.Equal("PersistedQueryNotFound", (string?)unknown.Errors![0]!["message"]);
        foreach (var response in new[] { registered, overGet, overPost })
        {
            await running.AssertAsync(response.Status == HttpStatusCode.OK && response.Errors is null, $"HTTP {(int)response.Status}: {response.Text}");
            Assert.Equal("Data Scientist", (string?)response.Data!["role"]!["name"]);
        }

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", mismatch.SingleErrorCode());
    }

    [Fact]
    public async Task The_health_endpoints_answer_live_and_ready_with_the_stores_size()
    {
        var running = Started();

        using var live = await running.Http.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await running.Http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var liveText = await live.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var readyText = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.StatusCode, liveText));
        await running.AssertAsync(ready.StatusCode == HttpStatusCode.OK, $"/health/ready: HTTP {(int)ready.StatusCode}: {readyText}");
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        using var report = JsonDocument.Parse(readyText);
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var store = Assert.Single(report.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal(("store", "Healthy"), (store.GetProperty("name").GetString(), store.GetProperty("status").GetString()));
        Assert.Equal($"EmbeddedGraphStore: {CliRun.Seed.Nodes.Count} nodes, {CliRun.Seed.Links.Count} links", store.GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_executables_heap_is_flagged_for_transparent_huge_pages_where_the_system_leaves_it_to_programs()
    {
        var running = Started();
        var mode = File.Exists(HeapHugePages.SystemSetting) ? HeapHugePages.SelectedMode(File.ReadAllText(HeapHugePages.SystemSetting)) : "absent";
        if (mode != "madvise")
        {
            Assert.Skip($"{HeapHugePages.SystemSetting} is [{mode}], not [madvise]: the service has nothing to ask here.");
        }

        // The collector reserves far more than it uses: a flagged mapping of a gibibyte or more is its range.
        var flagged = KernelMappings.Of(running.ProcessId).Where(m => m.Flags.Contains("hg") && m.End - m.Start >= 1UL << 30).ToArray();
        await running.AssertAsync(flagged.Length > 0, "no mapping of 1 GiB or more has the hg flag in the executable's smaps");
    }

    [Fact]
    public async Task A_browser_gets_the_ide_at_graphql_and_the_explorer_at_explore()
    {
        var running = Started();

        using var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        ide.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var page = await running.Http.SendAsync(ide, TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var config = await running.Http.GetAsync(new Uri("/graphql/bcp-config.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var script = await IdeAssets.FirstScriptAsync(running.Http, TestContext.Current.CancellationToken);
        using var scriptResponse = await running.Http.GetAsync(new Uri("/graphql/" + script, UriKind.Relative), TestContext.Current.CancellationToken);
        using var explorer = await running.Http.GetAsync(new Uri("/explore/", UriKind.Relative), TestContext.Current.CancellationToken);
        var explorerHtml = await explorer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        await running.AssertAsync(page.StatusCode == HttpStatusCode.OK, $"GET /graphql as a browser: HTTP {(int)page.StatusCode}: {html}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/graphql/", page.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Contains("<title>Banana Cake Pop</title>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Equal("application/json", config.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
        Assert.Equal("text/javascript", scriptResponse.Content.Headers.ContentType?.MediaType);
        await running.AssertAsync(explorer.StatusCode == HttpStatusCode.OK, $"GET /explore/: HTTP {(int)explorer.StatusCode}: {explorerHtml}");
        Assert.Contains("<title>RoleGraph explorer</title>", explorerHtml, StringComparison.Ordinal);
    }

    /// <summary>
    /// Documents of every kind (the compiled-plan documents, the explorer's queries, introspection, the exports), each
    /// sent three times: the first run takes GraphQL.NET's full path, the repeats the cached document and compiled
    /// plans. Every answer must be the in-process JIT service's, byte for byte.
    /// </summary>
    public static TheoryData<string, string> Documents()
    {
        var documents = new TheoryData<string, string>();
        foreach (var row in CompiledPlanEqualityTests.Documents)
        {
            documents.Add(row.Data.Item1, row.Data.Item2);
        }

        documents.Add("introspection", SchemaShape.IntrospectionQuery);
        documents.Add("export as YAML", "{ exportTaxonomy(format: YAML) }");
        documents.Add("export as JSON", "{ exportTaxonomy(format: JSON) }");
        documents.Add("lists with filters and order", """
            { roles(where: { skills: { some: { importance: { gte: 0.7 } } } }, order: [{ name: DESC }]) { totalCount nodes { id name primaryFocus } }
              skills(first: 5, where: { name: { startsWith: "d" } }, order: [{ id: ASC }]) { edges { cursor node { id aliases } } pageInfo { hasNextPage endCursor } }
              categories(where: { parents: { any: false } }) { nodes { id subcategoriesConnection { totalCount nodes { id } } } } }
            """);
        documents.Add("facets", """{ topItems(kinds: [SKILL, TOOL, RESPONSIBILITY], first: 20) { roleCount items { node { __typename id } roleCount share importance { min max avg count } } } }""");
        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Answers_are_those_of_the_service_on_the_jit_byte_for_byte(string what, string query)
    {
        var running = Started();
        query = $"# published: {what}\n{query}";
        var operationName = query.Contains("query A", StringComparison.Ordinal) ? "B" : null;
        var jit = await service.Jit.GraphQL().PostAsync(query, operationName: operationName);

        for (var run = 0; run < 3; run++)
        {
            running.Mark();
            var published = await running.GraphQL.PostAsync(query, operationName: operationName);
            await running.AssertAsync(published.Status == jit.Status && published.Text == jit.Text,
                $"{what}, run {run + 1}: the published service answered\nHTTP {(int)published.Status}: {published.Text}\nthe JIT service\nHTTP {(int)jit.Status}: {jit.Text}");
        }
    }
}
