using System.Net;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Http;

/// <summary>
/// GET queries carry an ETag made from the graph's revision and the request, and a repeat with If-None-Match
/// answers 304 without a body until a write changes the graph; nothing else is ever tagged.
/// </summary>
public sealed class ConditionalGetTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    private const string Roles = "{ roles { totalCount } }";

    [Fact]
    public async Task A_get_query_answers_with_an_etag_and_the_default_cache_control()
    {
        var response = await app.GraphQL().ConditionalGetAsync(ConditionalRequests.Query(Roles), ifNoneMatch: null);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.Data);
        var tag = response.ETag()!;
        Assert.Matches("^\"[0-9a-f]+-[0-9a-f]{16}\"$", tag);
        Assert.NotEqual(tag[^17..^9], tag[^9..^1]); // 64 bits of hash, not 32 twice
        Assert.Equal("no-cache", response.CacheControl());
        Assert.Contains("Accept", response.Vary());
        Assert.DoesNotContain("Authorization", response.Vary());
    }

    [Fact]
    public async Task A_repeat_with_if_none_match_answers_304_without_a_body()
    {
        var client = app.GraphQL();
        var first = await client.ConditionalGetAsync(ConditionalRequests.Query(Roles), ifNoneMatch: null);

        var again = await client.ConditionalGetAsync(ConditionalRequests.Query(Roles), first.ETag());

        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Equal("", again.Text);
        Assert.Equal(first.ETag(), again.ETag());
        Assert.Equal("no-cache", again.CacheControl());
        Assert.Contains("Accept", again.Vary());
    }

    [Theory]
    [InlineData("W/{0}")]
    [InlineData("\"0-0000000000000000\", {0}")]
    public async Task Weak_and_listed_tags_match(string header)
    {
        var client = app.GraphQL();
        var tag = (await client.ConditionalGetAsync(ConditionalRequests.Query(Roles), ifNoneMatch: null)).ETag();

        var again = await client.ConditionalGetAsync(ConditionalRequests.Query(Roles), string.Format(System.Globalization.CultureInfo.InvariantCulture, header, tag));

        Assert.Equal(HttpStatusCode.NotModified, again.Status);
    }

    [Fact]
    public async Task A_tag_that_is_not_current_gets_the_whole_answer()
    {
        var response = await app.GraphQL().ConditionalGetAsync(ConditionalRequests.Query(Roles), "\"0-0000000000000000\"");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.Data);
        Assert.NotNull(response.ETag());
    }

    [Fact]
    public async Task After_a_write_the_same_get_answers_200_with_a_new_tag_and_then_304_again()
    {
        var client = app.GraphQL();
        const string skills = "{ skills { totalCount } }";
        var before = await client.ConditionalGetAsync(ConditionalRequests.Query(skills), ifNoneMatch: null);
        Assert.Equal(HttpStatusCode.NotModified, (await client.ConditionalGetAsync(ConditionalRequests.Query(skills), before.ETag())).Status);

        await client.QueryAsync("""mutation { upsertSkill(input: { id: "http-caching", name: "HTTP caching" }) { id } }""");
        var after = await client.ConditionalGetAsync(ConditionalRequests.Query(skills), before.ETag());

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal((int)before.Data!["skills"]!["totalCount"]! + 1, (int)after.Data!["skills"]!["totalCount"]!);
        Assert.NotNull(after.ETag());
        Assert.NotEqual(before.ETag(), after.ETag());
        Assert.Equal(HttpStatusCode.NotModified, (await client.ConditionalGetAsync(ConditionalRequests.Query(skills), after.ETag())).Status);
    }

    [Fact]
    public async Task A_write_that_changes_nothing_keeps_the_tag()
    {
        var client = app.GraphQL();
        await client.QueryAsync("""mutation { upsertSkill(input: { id: "unchanged-skill", name: "Unchanged" }) { id } }""");
        var before = await client.ConditionalGetAsync(ConditionalRequests.Query(Roles), ifNoneMatch: null);

        await client.QueryAsync("""mutation { upsertSkill(input: { id: "unchanged-skill", name: "Unchanged" }) { id } }""");

        Assert.Equal(HttpStatusCode.NotModified, (await client.ConditionalGetAsync(ConditionalRequests.Query(Roles), before.ETag())).Status);
    }

    [Fact]
    public async Task Variables_operation_names_and_media_types_make_different_tags()
    {
        var client = app.GraphQL();
        var document = ConditionalRequests.Query("query A($id: ID!) { role(id: $id) { name } } query B { roles { totalCount } }");
        static string Variables(string id) => "&variables=" + Uri.EscapeDataString($$"""{"id":"{{id}}"}""");

        var scientist = await client.ConditionalGetAsync(document + Variables("data-scientist") + "&operationName=A", ifNoneMatch: null);
        var engineer = await client.ConditionalGetAsync(document + Variables("machine-learning-engineer") + "&operationName=A", ifNoneMatch: null);
        var other = await client.ConditionalGetAsync(document + "&operationName=B", ifNoneMatch: null);
        var json = await client.ConditionalGetAsync(document + Variables("data-scientist") + "&operationName=A", ifNoneMatch: null, accept: "application/json");

        Assert.All(new[] { scientist, engineer, other, json }, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal("Data Scientist", (string?)scientist.Data!["role"]!["name"]);
        Assert.Equal(4, new[] { scientist.ETag(), engineer.ETag(), other.ETag(), json.ETag() }.Distinct().Count());

        // Another request's tag does not make this one 304.
        Assert.Equal(HttpStatusCode.OK, (await client.ConditionalGetAsync(document + Variables("machine-learning-engineer") + "&operationName=A", scientist.ETag())).Status);
        Assert.Equal(HttpStatusCode.NotModified, (await client.ConditionalGetAsync(document + Variables("data-scientist") + "&operationName=A", scientist.ETag())).Status);
    }

    [Fact]
    public async Task Posts_and_mutations_carry_no_etag_and_answer_in_full_whatever_the_if_none_match()
    {
        var client = app.GraphQL();
        var tag = (await client.ConditionalGetAsync(ConditionalRequests.Query(Roles), ifNoneMatch: null)).ETag();

        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent($$"""{"query":"{{Roles}}"}""", System.Text.Encoding.UTF8, "application/json") };
        post.Headers.TryAddWithoutValidation("If-None-Match", tag);
        var query = await GraphQLResponse.ReadAsync(await client.Http.SendAsync(post, TestContext.Current.CancellationToken));
        var mutation = await client.PostAsync("""mutation { upsertSkill(input: { id: "posted-skill", name: "Posted" }) { id } }""");

        Assert.Equal(HttpStatusCode.OK, query.Status);
        Assert.NotNull(query.Data);
        Assert.Null(query.ETag());
        Assert.Equal(HttpStatusCode.OK, mutation.Status);
        Assert.Null(mutation.Errors);
        Assert.Null(mutation.ETag());
    }

    [Theory]
    [InlineData("{ roles { nope } }", HttpStatusCode.BadRequest)] // validation error
    [InlineData("{ roles { totalCount ", HttpStatusCode.BadRequest)] // parse error
    [InlineData("""{ overlap(roleIds: ["data-scientist", "astronaut"]) { jaccard } }""", HttpStatusCode.OK)] // field error with data
    public async Task Get_answers_with_errors_carry_no_etag_and_are_never_stored(string query, HttpStatusCode status)
    {
        // "*" confirms nothing: a tag is only issued with a successful answer, and only a tag gets a 304.
        var response = await app.GraphQL().ConditionalGetAsync(ConditionalRequests.Query(query), ifNoneMatch: "*");

        Assert.Equal(status, response.Status);
        Assert.NotNull(response.Errors);
        Assert.Null(response.ETag());
        Assert.Equal("no-store", response.CacheControl());
    }

    [Fact]
    public async Task A_mutation_over_get_is_refused_even_with_if_none_match()
    {
        var response = await app.GraphQL().ConditionalGetAsync(ConditionalRequests.Query("mutation { deleteEverything }"), ifNoneMatch: "*");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("BAD_REQUEST", response.SingleErrorCode());
        Assert.Null(response.ETag());
    }
}
