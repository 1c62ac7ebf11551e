using System.Text;
using System.Text.Json.Nodes;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Robustness;

/// <summary>
/// Unusual strings in every string argument, over HTTP: each is either taken as data (reads answer, writes round-trip
/// exactly) or refused with a coded error; never INTERNAL or a 5xx, and the service answers afterwards.
/// </summary>
public sealed class UnusualStringTests
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>
    {
        ["long"] = LongText(100_000),
        ["nul-and-controls"] = "a\u0000b\u0001c\u0007d\u0008e\u001Bf\u001Fg\u007Fh\u0085i\u2028j\u2029k\uFEFFl",
        ["emoji"] = "🧠 data 👩🏽‍🔬 scientist 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏳️‍🌈 \U0001F600\U0010FFFD",
        ["right-to-left"] = "مهندس تعلم الآلة \u200Fעברית\u200E \u202Eevil\u202C done",
        ["combining"] = "e\u0301 vs \u00E9 Z\u0351\u0352\u0353a\u0300\u0301\u0302\u0303l\u0489g\u0327o\u20DD",
        ["lone-surrogate"] = "before\uD800after",
        ["quotes-and-escapes"] = "\"'\\ \\n \\u0000 {}[] <script>alert(1)</script> %s %n ${x}",
    };

    public static TheoryData<string> Names => new(Strings.Keys);

    private static string LongText(int length)
    {
        var builder = new StringBuilder(length + 64);
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append("word").Append(i).Append(i % 10 == 0 ? " é🧠 " : " ");
        }

        builder.Length = length;
        builder[^1] = 'x';
        return builder.ToString();
    }

    /// <summary>Every query argument that takes a string: each answers as data or a coded error, and changes nothing.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public async Task Query_arguments_take_the_string_as_data(string name)
    {
        var s = Strings[name];
        using var app = Fast();
        var client = app.GraphQL();
        var before = await client.ExportJsonAsync();

        foreach (var (label, document) in QueryDocuments)
        {
            var response = await client.SendAsync(document, new { s });
            if (!response.Refused())
            {
                Assert.True(response.Data is not null, $"{label}: {RobustRequests.Shorten(response.Text)}");
            }
        }

        // Lookups by an id nobody has answer null, not an error.
        // (Unless the whole request is refused: variables holding a lone surrogate answer 400 BAD_REQUEST.)
        var lookups = await client.SendAsync("query($s: ID!) { node(id: $s) { id } skill(id: $s) { id } role(id: $s) { id } }", new { s });
        if (!lookups.IsRequestRefusal())
        {
            Assert.False(lookups.Refused(), lookups.Text);
            Assert.Null(lookups.Data!["node"]);
            Assert.Null(lookups.Data["skill"]);
            Assert.Null(lookups.Data["role"]);
        }

        // Filters on text nobody has find nothing.
        var filtered = await client.SendAsync("query($s: String!) { skills(where: { name: { eq: $s } }) { totalCount } roles(where: { id: { in: [$s] } }) { totalCount } }", new { s });
        if (!filtered.IsRequestRefusal())
        {
            Assert.False(filtered.Refused(), filtered.Text);
            Assert.Equal(0, (int)filtered.Data!["skills"]!["totalCount"]!);
            Assert.Equal(0, (int)filtered.Data["roles"]!["totalCount"]!);
        }

        // Writes naming the string as an id are refused (not a slug, or nothing has it) with a code.
        foreach (var (label, document) in IdMutations)
        {
            var response = await client.SendAsync(document, new { s });
            Assert.True(response.Refused(), $"{label}: accepted: {RobustRequests.Shorten(response.Text)}");
        }

        Assert.Equal(before, await client.ExportJsonAsync());
        await client.AssertAliveAsync();
    }

    /// <summary>upsertSkill's name, description, aliases and properties: the string round-trips exactly, or is refused and nothing changes.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public async Task Upserted_fields_round_trip_or_are_refused(string name)
    {
        var s = Strings[name];
        var data = Directory.CreateTempSubdirectory("rolegraph-robust-").FullName;
        try
        {
            bool fieldsStored, propertyStored;
            using (var app = Fast(data))
            {
                var client = app.GraphQL();
                var before = await client.ExportJsonAsync();
                var upsert = await client.SendAsync(
                    "mutation($input: NodeInput!) { upsertSkill(input: $input) { id name description aliases } }",
                    new { input = new { id = "odd-skill", name = s, description = s, aliases = new[] { s, "alias " + s } } });
                fieldsStored = !upsert.Refused();
                if (fieldsStored)
                {
                    AssertFields(upsert.Data!["upsertSkill"]!, s);
                }
                else
                {
                    Assert.Equal(before, await client.ExportJsonAsync());
                }

                var beforeProperty = await client.ExportJsonAsync();
                var withProperty = await client.SendAsync(
                    "mutation($input: NodeInput!) { upsertSkill(input: $input) { id properties { key value } } }",
                    new { input = new { id = "odd-props", name = "Odd props", properties = new[] { new { key = s, value = s }, new { key = "plain", value = s } } } });
                propertyStored = !withProperty.Refused();
                if (propertyStored)
                {
                    AssertProperties(withProperty.Data!["upsertSkill"]!, s);
                }
                else
                {
                    Assert.Equal(beforeProperty, await client.ExportJsonAsync());
                }

                await AssertStoredAsync(client, s, fieldsStored, propertyStored);
                await client.AssertAliveAsync();
                Report($"{name}: fields {(fieldsStored ? "stored as " + RobustRequests.Visible((string)upsert.Data!["upsertSkill"]!["name"]!) : "refused " + upsert.Text)}; property {(propertyStored ? "stored" : "refused " + withProperty.Text)}");
            }

            // The journal holds the string too: a restart over the same data file reads it back the same.
            using (var again = Fast(data))
            {
                var client = again.GraphQL();
                await AssertStoredAsync(client, s, fieldsStored, propertyStored);
                await client.AssertAliveAsync();
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>importTaxonomy: a document carrying the string imports it exactly or is refused; the string as the document is refused.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public async Task Imported_documents_round_trip_or_are_refused(string name)
    {
        var s = Strings[name];
        using var app = Fast();
        var client = app.GraphQL();
        const string importMutation = "mutation($d: String!, $f: TaxonomyFormat!) { importTaxonomy(document: $d, format: $f, mode: MERGE) { changed nodes { created } } }";

        // The string itself is no taxonomy.
        foreach (var format in new[] { "JSON", "YAML" })
        {
            var before = await client.ExportJsonAsync();
            var garbage = await client.SendAsync(importMutation, new { d = s, f = format });
            Report($"{name}: garbage {format}: {RobustRequests.Shorten(garbage.Text)}");
            Assert.True(garbage.Refused(), $"{format}: accepted {RobustRequests.Visible(s)}: {RobustRequests.Shorten(garbage.Text)}");
            Assert.Equal(before, await client.ExportJsonAsync());
        }

        var document = RobustRequests.Json(new Dictionary<string, object>
        {
            ["formatVersion"] = 1,
            ["taxonomy"] = new { name = "Odd " + s },
            ["nodes"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["id"] = "odd-import", ["kind"] = "Skill", ["name"] = s, ["description"] = s,
                    ["aliases"] = new[] { s, "alias " + s },
                    ["properties"] = new Dictionary<string, string> { [s] = s, ["plain"] = s },
                },
            },
            ["links"] = new object[] { new { from = "data-scientist", to = "odd-import", relation = "REQUIRES", importance = 0.5 } },
        });

        // JSON is YAML too, so the same text goes in both formats (YAML may refuse what it cannot hold, e.g. NUL).
        foreach (var format in new[] { "JSON", "YAML" })
        {
            var before = await client.ExportJsonAsync();
            var imported = await client.SendAsync(importMutation, new { d = document, f = format });
            Report($"{name}: import {format}: {RobustRequests.Shorten(imported.Text)}");
            if (imported.Refused())
            {
                Assert.Equal(before, await client.ExportJsonAsync());
                continue;
            }

            var read = await client.SendAsync(
                "{ skill(id: \"odd-import\") { id name description aliases properties { key value } } role(id: \"data-scientist\") { skills { importance skill { id } } } }");
            Assert.False(read.Refused(), read.Text);
            var skill = read.Data!["skill"]!;
            AssertFields(skill, s);
            AssertProperties(skill, s);
            Assert.Contains(read.Data["role"]!["skills"]!.AsArray(), l => (string?)l!["skill"]!["id"] == "odd-import" && (double?)l["importance"] == 0.5);
        }

        await client.AssertAliveAsync();
    }

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private static async Task AssertStoredAsync(GraphQLClient client, string s, bool fieldsStored, bool propertyStored)
    {
        var read = await client.SendAsync(
            "{ a: skill(id: \"odd-skill\") { id name description aliases } b: skill(id: \"odd-props\") { id properties { key value } } }");
        Assert.False(read.Refused(), read.Text);
        if (fieldsStored)
        {
            AssertFields(read.Data!["a"]!, s);

            // Search and filters see the stored text, given as it was sent.
            var found = await client.SendAsync(
                "query($s: String!) { search(text: $s, kinds: [SKILL]) { node { id } } skills(where: { name: { eq: $s } }) { nodes { id } } }", new { s });
            Assert.False(found.Refused(), found.Text);
            Assert.Contains(found.Data!["search"]!.AsArray(), h => (string?)h!["node"]!["id"] == "odd-skill");
            Assert.Equal(["odd-skill"], found.Data["skills"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));

            var export = JsonNode.Parse(await client.ExportJsonAsync())!;
            var node = export["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "odd-skill")!;
            Assert.True(RobustRequests.FaithfullyEqual(s, (string?)node["name"]), "export name");
            Assert.True(RobustRequests.FaithfullyEqual(s, (string?)node["description"]), "export description");
        }
        else
        {
            Assert.Null(read.Data!["a"]);
        }

        if (propertyStored)
        {
            AssertProperties(read.Data["b"]!, s);
        }
        else
        {
            Assert.Null(read.Data["b"]);
        }
    }

    private static void AssertFields(JsonNode skill, string s)
    {
        Assert.True(RobustRequests.FaithfullyEqual(s, (string?)skill["name"]), $"name came back as {RobustRequests.Visible((string?)skill["name"] ?? "null")}");
        Assert.True(RobustRequests.FaithfullyEqual(s, (string?)skill["description"]), $"description came back as {RobustRequests.Visible((string?)skill["description"] ?? "null")}");
        var aliases = skill["aliases"]!.AsArray().Select(a => (string)a!).ToArray();
        Assert.Equal(2, aliases.Length);
        Assert.True(RobustRequests.FaithfullyEqual(s, aliases[0]), $"alias came back as {RobustRequests.Visible(aliases[0])}");
        Assert.True(RobustRequests.FaithfullyEqual("alias " + s, aliases[1]), $"alias came back as {RobustRequests.Visible(aliases[1])}");
    }

    private static void AssertProperties(JsonNode skill, string s)
    {
        var properties = skill["properties"]!.AsArray().ToDictionary(p => (string)p!["key"]!, p => (string)p!["value"]!);
        Assert.Equal(2, properties.Count);
        Assert.True(RobustRequests.FaithfullyEqual(s, properties["plain"]), $"value came back as {RobustRequests.Visible(properties["plain"])}");
        var odd = properties.Single(p => p.Key != "plain");
        Assert.True(RobustRequests.FaithfullyEqual(s, odd.Key), $"key came back as {RobustRequests.Visible(odd.Key)}");
        Assert.True(RobustRequests.FaithfullyEqual(s, odd.Value), $"value came back as {RobustRequests.Visible(odd.Value)}");
    }

    /// <summary>Every string argument of the queries, one request each, the string passed as $s.</summary>
    internal static readonly (string Label, string Document)[] QueryDocuments =
    [
        ("search", "query($s: String!) { search(text: $s) { node { id } match matchedText } }"),
        ("node", "query($s: ID!) { node(id: $s) { id } }"),
        ("role", "query($s: ID!) { role(id: $s) { id } }"),
        ("skill", "query($s: ID!) { skill(id: $s) { id } }"),
        ("tool", "query($s: ID!) { tool(id: $s) { id } }"),
        ("category", "query($s: ID!) { category(id: $s) { id } }"),
        ("responsibility", "query($s: ID!) { responsibility(id: $s) { id } }"),
        ("overlap", "query($s: ID!) { overlap(roleIds: [\"data-scientist\", $s]) { jaccard } }"),
        ("shortestPaths", "query($s: ID!) { a: shortestPaths(fromId: \"data-scientist\", toId: $s) { length } b: shortestPaths(fromId: $s, toId: \"data-scientist\") { length } }"),
        ("skillGap", "query($s: ID!) { a: skillGap(fromRoleId: $s, toRoleId: \"data-scientist\") { __typename } b: skillGap(fromRoleId: \"data-scientist\", toRoleId: $s) { __typename } }"),
        ("similarRoles", "query($s: ID!) { similarRoles(roleId: $s) { score } }"),
        ("where skills", "query($s: String!) { skills(where: { or: [{ name: { eq: $s } }, { name: { contains: $s } }, { name: { startsWith: $s } }, { name: { endsWith: $s } }, { id: { eq: $s } }, { id: { in: [$s, \"python\"] } }] }) { totalCount nodes { id } } }"),
        ("where negated", "query($s: String!) { roles(where: { and: [{ name: { neq: $s } }, { name: { ncontains: $s } }, { name: { nstartsWith: $s } }, { name: { nendsWith: $s } }, { id: { nin: [$s] } }] }) { totalCount } }"),
        ("where tools", "query($s: String!) { tools(where: { name: { contains: $s } }) { totalCount } categories(where: { id: { eq: $s } }) { totalCount } responsibilities(where: { name: { startsWith: $s } }) { totalCount } }"),
        ("after cursor", "query($s: String!) { skills(first: 2, after: $s) { nodes { id } } }"),
        ("before cursor", "query($s: String!) { roles(last: 2, before: $s) { nodes { id } } }"),
    ];

    /// <summary>Every mutation argument that is an id, the string passed as $s.</summary>
    internal static readonly (string Label, string Document)[] IdMutations =
    [
        ("upsertSkill id", "mutation($s: ID!) { upsertSkill(input: { id: $s, name: \"x\" }) { id } }"),
        ("upsertRole id", "mutation($s: ID!) { upsertRole(input: { id: $s, name: \"x\" }) { id } }"),
        ("link from", "mutation($s: ID!) { link(fromId: $s, toId: \"python\", relation: REQUIRES, importance: 0.5) { importance } }"),
        ("link to", "mutation($s: ID!) { link(fromId: \"data-scientist\", toId: $s, relation: REQUIRES) { importance } }"),
        ("unlink", "mutation($s: ID!) { unlink(fromId: \"data-scientist\", toId: $s, relation: REQUIRES) { changed } }"),
        ("deleteNode", "mutation($s: ID!) { deleteNode(id: $s, cascade: true) { changed } }"),
    ];

    /// <summary>A test host without the per-client rate limit (the tests send many requests at once).</summary>
    internal static RoleGraphApiFactory Fast(string? dataDirectory = null)
    {
        var app = dataDirectory is null ? new RoleGraphApiFactory() : new RoleGraphApiFactory { DataDirectory = dataDirectory };
        app.Settings["RoleGraph:Limits:RequestsPerSecond"] = "100000";
        app.Settings["RoleGraph:Limits:RequestBurst"] = "100000";
        return app;
    }
}
