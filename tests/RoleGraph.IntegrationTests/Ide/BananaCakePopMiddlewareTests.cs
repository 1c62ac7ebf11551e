using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using RoleGraph.Api.Ide;

namespace RoleGraph.Tests.Ide;

/// <summary>
/// The middleware alone in front of a stand-in for the GraphQL endpoint, so "passes through untouched" can be
/// asserted exactly, whatever the real endpoint answers.
/// </summary>
public sealed class BananaCakePopMiddlewareTests
{
    private const string NextMarker = "reached-next";

    [Fact]
    public async Task HtmlGetOfGraphQLPathRedirectsIntoTheIdeFolderKeepingTheQueryString()
    {
        await using var app = await StartAsync();
        using var client = CreateClient(app);

        using var response = await client.SendAsync(Html(HttpMethod.Get, "/graphql?tab=1"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/graphql/?tab=1", response.Headers.Location?.OriginalString);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task HtmlGetOfTheIdeFolderServesIndexHtml()
    {
        await using var app = await StartAsync();
        using var client = CreateClient(app);

        using var response = await client.SendAsync(Html(HttpMethod.Get, "/graphql/"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<title>Banana Cake Pop</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadOfTheIdeFolderSendsHeadersOnly()
    {
        await using var app = await StartAsync();
        using var client = CreateClient(app);

        using var response = await client.SendAsync(Html(HttpMethod.Head, "/graphql/"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("GET", "/graphql", "application/json")]
    [InlineData("GET", "/graphql", "application/graphql-response+json, application/json;q=0.9")]
    [InlineData("GET", "/graphql", "*/*")]
    [InlineData("GET", "/graphql", null)]
    [InlineData("GET", "/graphql?query=%7B__typename%7D", "text/html")]
    [InlineData("GET", "/graphql?sdl", "text/html")]
    [InlineData("GET", "/graphql", "text/html;q=0")]
    [InlineData("GET", "/graphql/", "application/json")]
    [InlineData("POST", "/graphql", "text/html")]
    [InlineData("POST", "/graphql/bcp-config.json", "application/json")]
    [InlineData("GET", "/graphql/no-such-file.js", "*/*")]
    [InlineData("GET", "/graphqlx", "text/html")]
    [InlineData("GET", "/static/js/main.js", "*/*")]
    public async Task EverythingElsePassesThroughUntouched(string method, string path, string? accept)
    {
        await using var app = await StartAsync();
        using var client = CreateClient(app);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (method == "POST")
        {
            request.Content = new StringContent("""{"query":"{__typename}"}""", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NextMarker, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ConfigPointsTheIdeAtTheGraphQLPathIncludingPathBase()
    {
        await using var app = await StartAsync(pathBase: "/api");
        using var client = CreateClient(app);

        using var response = await client.GetAsync(new Uri("/api/graphql/bcp-config.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var config = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("/api/graphql", config.RootElement.GetProperty("endpoint").GetString());
        Assert.True(config.RootElement.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.True(config.RootElement.GetProperty("disableTelemetry").GetBoolean());
        Assert.Equal("RoleGraph", config.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ServesTheLicenseNextToTheIde()
    {
        await using var app = await StartAsync();
        using var client = CreateClient(app);

        using var response = await client.GetAsync(new Uri("/graphql/LICENSE", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ChilliCream License", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashedAssetsAreImmutableAndTheRestIsRevalidated()
    {
        await using var app = await StartAsync();
        using var client = CreateClient(app);
        var script = await IdeAssets.FirstScriptAsync(client, TestContext.Current.CancellationToken);

        using var asset = await client.GetAsync(new Uri("/graphql/" + script, UriKind.Relative), TestContext.Current.CancellationToken);
        using var worker = await client.GetAsync(new Uri("/graphql/service-worker.js", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.True(asset.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable"), asset.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.True(worker.Headers.CacheControl?.NoCache, worker.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task DisabledIdePassesEverythingThrough()
    {
        await using var app = await StartAsync(enabled: false);
        using var client = CreateClient(app);

        foreach (var path in new[] { "/graphql", "/graphql/", "/graphql/bcp-config.json", "/graphql/index.html" })
        {
            using var response = await client.SendAsync(Html(HttpMethod.Get, path), TestContext.Current.CancellationToken);
            Assert.Equal(NextMarker, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task RejectsARootGraphQLPath(string path)
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();
        Assert.Throws<ArgumentException>(() => app.UseBananaCakePop(new PathString(path)));
    }

    private static HttpRequestMessage Html(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        // What Chromium sends for a navigation.
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        return request;
    }

    private static HttpClient CreateClient(WebApplication app) => app.GetTestClient();

    private static async Task<WebApplication> StartAsync(bool enabled = true, string? pathBase = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["RoleGraph:Ide:Enabled"] = enabled ? "true" : "false";
        builder.Services.AddBananaCakePop(builder.Configuration);

        var app = builder.Build();
        if (pathBase is not null)
        {
            app.UsePathBase(pathBase);
        }

        app.UseBananaCakePop("/graphql");
        app.Run(context => context.Response.WriteAsync(NextMarker, context.RequestAborted));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
