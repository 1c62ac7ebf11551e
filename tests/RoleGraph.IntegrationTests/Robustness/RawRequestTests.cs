using System.Net.Http.Headers;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Robustness;

/// <summary>Bytes and escapes no well-behaved client sends: each is a clean, coded refusal or taken as data; never a 5xx.</summary>
public sealed class RawRequestTests
{
    public static TheoryData<string> Bodies => new(RawBodies.Keys);

    private static readonly Dictionary<string, byte[]> RawBodies = new()
    {
        ["invalid UTF-8 in a variable"] = Concat("{\"query\":\"query($s: String!) { search(text: $s) { node { id } } }\",\"variables\":{\"s\":\"a", [0xFF, 0xFE, 0xC0, 0x80], "b\"}}"),
        ["encoded surrogate (CESU) in a variable"] = Concat("{\"query\":\"query($s: String!) { search(text: $s) { node { id } } }\",\"variables\":{\"s\":\"a", [0xED, 0xA0, 0x80], "b\"}}"),
        ["invalid UTF-8 in the document"] = Concat("{\"query\":\"{ search(text: \\\"a", [0xFF], "\\\") { node { id } } }\"}"),
        ["lone surrogate escape in a GraphQL string literal"] = Concat("{\"query\":\"{ search(text: \\\"a\\\\uD800b\\\") { node { id } } }\"}", [], ""),
        ["lone surrogate escape in the JSON document text"] = Concat("{\"query\":\"{ search(text: \\\"a\\ud800b\\\") { node { id } } }\"}", [], ""),
        ["NUL in the document outside strings"] = Concat("{\"query\":\"{ search(text: \\\"a\\\") \\u0000 { node { id } } }\"}", [], ""),
        ["deeply nested variables"] = Concat("{\"query\":\"query($s: String!) { search(text: $s) { node { id } } }\",\"variables\":{\"s\":" + new string('[', 5000) + new string(']', 5000) + "}}", [], ""),
        ["deeply nested input object"] = Concat("{\"query\":\"query($w: SkillFilterInput) { skills(where: $w) { totalCount } }\",\"variables\":{\"w\":" + string.Concat(Enumerable.Repeat("{\"and\":[", 3000)) + "{}" + string.Concat(Enumerable.Repeat("]}", 3000)) + "}}", [], ""),
        ["mutation with invalid UTF-8 in the name"] = Concat("{\"query\":\"mutation($n: String!) { upsertSkill(input: { id: \\\"raw-bytes\\\", name: $n }) { id name } }\",\"variables\":{\"n\":\"x", [0xFF, 0xED, 0xA0, 0x80], "y\"}}"),
        ["UTF-8 BOM before the body"] = Concat("", [0xEF, 0xBB, 0xBF], "{\"query\":\"{ search(text: \\\"python\\\") { node { id } } }\"}"),
    };

    private static byte[] Concat(string before, byte[] middle, string after) =>
        [.. System.Text.Encoding.UTF8.GetBytes(before), .. middle, .. System.Text.Encoding.UTF8.GetBytes(after)];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Odd_bytes_answer_cleanly(string name)
    {
        using var app = UnusualStringTests.Fast();
        var client = app.GraphQL();
        var before = await client.ExportJsonAsync();

        foreach (var accept in new[] { GraphQLClient.ResponseJson, "application/json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(RawBodies[name]) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            request.Headers.TryAddWithoutValidation("Accept", accept);
            var response = await GraphQLResponse.ReadAsync(await client.Http.SendAsync(request, TestContext.Current.CancellationToken));
            TestContext.Current.TestOutputHelper?.WriteLine($"{name} ({accept}): HTTP {(int)response.Status}: {RobustRequests.Shorten(response.Text)}");
            RobustRequests.AssertClean(response, name);
        }

        if (!name.StartsWith("mutation", StringComparison.Ordinal))
        {
            Assert.Equal(before, await client.ExportJsonAsync());
        }

        await client.AssertAliveAsync();
    }

    /// <summary>
    /// A GraphQL string literal may spell a lone surrogate as \\uD800 (the JSON body itself is plain ASCII): the write
    /// is refused with a code, or stored so that it reads back (as U+FFFD) and survives a restart; never a 5xx.
    /// </summary>
    [Fact]
    public async Task A_lone_surrogate_escape_in_a_GraphQL_literal_is_refused_or_stored_readably()
    {
        var data = Directory.CreateTempSubdirectory("rolegraph-robust-").FullName;
        try
        {
            const string upsertMutation = """mutation { upsertSkill(input: { id: "inline-surrogate", name: "a\uD800b", description: "c\uDC00d", aliases: ["e\uD83Df"], properties: [{ key: "k\uD800", value: "v\uDFFF" }] }) { id name description aliases properties { key value } } }""";
            const string readQuery = "{ skill(id: \"inline-surrogate\") { id name description aliases properties { key value } } }";
            bool stored;
            var problems = new List<string>();
            using (var app = UnusualStringTests.Fast(data))
            {
                var client = app.GraphQL();
                var upsert = await client.SendAsync(upsertMutation);
                TestContext.Current.TestOutputHelper?.WriteLine($"inline upsert: HTTP {(int)upsert.Status}: {upsert.Text}");
                stored = !upsert.Refused();
                var read = await client.SendAsync(readQuery);
                Assert.False(read.Refused(), read.Text);
                if (stored)
                {
                    Assert.Equal("a\uFFFDb", (string?)read.Data!["skill"]!["name"]);
                }
                else
                {
                    Assert.Null(read.Data!["skill"]);
                }

                // Every way out of the store must cope with what it accepted.
                foreach (var (label, query, variables) in new (string, string, object?)[]
                {
                    ("export YAML", "{ exportTaxonomy(format: YAML) }", null),
                    ("export JSON", "{ exportTaxonomy(format: JSON) }", null),
                    ("search", "{ search(text: \"a\") { node { id } matchedText } }", null),
                    ("filter", "query($s: String!) { skills(where: { name: { eq: $s } }) { nodes { id } } }", new { s = "a\uFFFDb" }),
                    ("similar", "{ similarRoles(roleId: \"data-scientist\") { score } }", null),
                })
                {
                    var response = await client.PostAsync(query, variables);
                    var code = response.Errors?.Select(e => (string?)e!["extensions"]?["code"]).FirstOrDefault();
                    TestContext.Current.TestOutputHelper?.WriteLine($"{label}: HTTP {(int)response.Status} {code}: {RobustRequests.Shorten(response.Text)[..Math.Min(300, response.Text.Length)]}");
                    if (label == "filter" && stored && response.Data?["skills"]?["nodes"]?.AsArray().Count == 0)
                    {
                        problems.Add("filter: name eq the name the skill reads back as (a\\uFFFDb) finds nothing: memory holds the lone surrogate, the journal U+FFFD");
                    }

                    if ((int)response.Status >= 500 || code == "INTERNAL")
                    {
                        problems.Add($"{label}: HTTP {(int)response.Status} {code}: {(string?)response.Errors?[0]?["message"]}");
                    }
                }

                await client.AssertAliveAsync();
            }

            using (var again = UnusualStringTests.Fast(data))
            {
                var client = again.GraphQL();
                var read = await client.SendAsync(readQuery);
                TestContext.Current.TestOutputHelper?.WriteLine($"after restart: HTTP {(int)read.Status}: {read.Text}");
                Assert.False(read.Refused(), read.Text);
                Assert.Equal(stored, read.Data!["skill"] is not null);
                var export = await client.PostAsync("{ exportTaxonomy(format: YAML) }");
                TestContext.Current.TestOutputHelper?.WriteLine($"export YAML after restart: HTTP {(int)export.Status}: {(export.Errors is null ? "ok" : export.Errors.ToJsonString()[..200])}");
                if (export.Errors is not null)
                {
                    problems.Add("export YAML after restart: " + (string?)export.Errors[0]?["message"]);
                }

                await client.AssertAliveAsync();
            }

            Assert.True(problems.Count == 0, "Accepted a lone surrogate the store cannot give back:\n" + string.Join("\n", problems));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void The_helper_sends_a_lone_surrogate_as_the_escape()
    {
        var body = RobustRequests.Body("q", new { s = "a\uD800b", d = RobustRequests.Json(new Dictionary<string, string> { ["k\uD800"] = "v\uD800" }) });
        Assert.Equal("{\"query\":\"q\",\"variables\":{\"s\":\"a\\ud800b\",\"d\":\"{\\u0022k\\\\ud800\\u0022:\\u0022v\\\\ud800\\u0022}\"}}", body);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_GET_query_string_answers_cleanly()
    {
        using var app = UnusualStringTests.Fast();
        var client = app.GraphQL();
        foreach (var query in new[]
        {
            "query=" + Uri.EscapeDataString("query($s: String!) { search(text: $s) { node { id } } }") + "&variables=" + Uri.EscapeDataString("{\"s\":\"a\\ud800b\"}"),
            "query=" + Uri.EscapeDataString("query($s: String!) { search(text: $s) { node { id } } }") + "&variables=%7B%22s%22%3A%22a%ED%A0%80b%22%7D",
            "query=%7B%20search(text%3A%20%22a%FFb%22)%20%7B%20node%20%7B%20id%20%7D%20%7D%20%7D",
        })
        {
            var response = await client.GetAsync(query);
            TestContext.Current.TestOutputHelper?.WriteLine($"GET {query}: HTTP {(int)response.Status}: {RobustRequests.Shorten(response.Text)}");
            RobustRequests.AssertClean(response, query);
        }

        await client.AssertAliveAsync();
    }
}
