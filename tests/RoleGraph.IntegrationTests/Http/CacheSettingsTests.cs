using System.Net;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Http;

/// <summary>RoleGraph:Http settings, credentials and browsers on other origins, each on a service of its own.</summary>
public sealed class CacheSettingsTests
{
    private const string Roles = "{ roles { totalCount } }";

    [Fact]
    public async Task Cache_control_is_configurable_and_reads_that_need_credentials_vary_on_them()
    {
        using var app = new RoleGraphApiFactory();
        app.Settings["RoleGraph:Http:CacheControl"] = "private, max-age=30";
        app.Settings["RoleGraph:Auth:RequireAuthForReads"] = "true";

        var response = await app.GraphQL().ConditionalGetAsync(ConditionalRequests.Query(Roles), ifNoneMatch: null);
        var anonymous = await app.AnonymousGraphQL().ConditionalGetAsync(ConditionalRequests.Query(Roles), response.ETag());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("private, max-age=30", response.CacheControl());
        Assert.Equal(["Accept", "Authorization", "X-Api-Key"], response.Message.Headers.Vary);
        // A tag confirms nothing to a caller who may not read.
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal("UNAUTHENTICATED", anonymous.SingleErrorCode());
    }

    [Fact]
    public async Task With_etags_off_gets_are_answered_in_full_without_tags()
    {
        using var app = new RoleGraphApiFactory();
        app.Settings["RoleGraph:Http:ETags"] = "false";

        var response = await app.GraphQL().ConditionalGetAsync(ConditionalRequests.Query(Roles), ifNoneMatch: "*");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.Data);
        Assert.Null(response.ETag());
    }

    [Fact]
    public async Task Browsers_on_allowed_origins_may_send_if_none_match_and_read_the_etag()
    {
        using var app = new RoleGraphApiFactory();
        app.Settings["RoleGraph:Cors:AllowedOrigins:0"] = "https://app.example";
        app.Settings["RoleGraph:Cors:AllowedOrigins:1"] = "https://admin.example"; // several origins: CORS varies on Origin
        var http = app.CreateClient();

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://app.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var allowed = await http.SendAsync(preflight, TestContext.Current.CancellationToken);

        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + ConditionalRequests.Query(Roles));
        get.Headers.Add("Origin", "https://app.example");
        var response = await http.SendAsync(get, TestContext.Current.CancellationToken);

        Assert.Contains("if-none-match", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("Origin", response.Headers.Vary);
        Assert.Contains("Accept", response.Headers.Vary);
    }
}
