using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Ide;

/// <summary>The IDE as the real API serves it: Program's pipeline, configuration and build output.</summary>
public sealed class BananaCakePopHttpTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task BrowserGetOfGraphQLEndsAtTheIde()
    {
        using var factory = new RoleGraphApiFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/graphql/", response.RequestMessage?.RequestUri?.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<title>Banana Cake Pop</title>", html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"root\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryFileIndexHtmlReferencesIsServedLocally()
    {
        using var factory = new RoleGraphApiFactory();
        using var client = factory.CreateClient();
        var html = await IdeAssets.IndexHtmlAsync(client, TestContext.Current.CancellationToken);
        var references = IdeAssets.References(html).ToList();

        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            // Offline means no CDN: every reference is relative and so resolves beneath /graphql/.
            Assert.False(Uri.TryCreate(reference, UriKind.Absolute, out _), $"index.html references the absolute URL {reference}");
            Assert.False(reference.StartsWith('/'), $"index.html references {reference} outside the IDE folder");

            using var response = await client.GetAsync(new Uri(new Uri("http://localhost/graphql/"), reference), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reference}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ScriptsAndStylesAreServedWithTheirContentTypes()
    {
        using var factory = new RoleGraphApiFactory();
        using var client = factory.CreateClient();
        var html = await IdeAssets.IndexHtmlAsync(client, TestContext.Current.CancellationToken);
        var script = IdeAssets.References(html).First(r => r.EndsWith(".js", StringComparison.Ordinal));
        var style = IdeAssets.References(html).First(r => r.EndsWith(".css", StringComparison.Ordinal));

        using var scriptResponse = await client.GetAsync(new Uri("/graphql/" + script, UriKind.Relative), TestContext.Current.CancellationToken);
        using var styleResponse = await client.GetAsync(new Uri("/graphql/" + style, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
        Assert.Equal("text/javascript", scriptResponse.Content.Headers.ContentType?.MediaType);
        Assert.True(scriptResponse.Content.Headers.ContentLength > 0);
        Assert.Equal(HttpStatusCode.OK, styleResponse.StatusCode);
        Assert.Equal("text/css", styleResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ConfigPointsTheIdeAtThisEndpoint()
    {
        using var factory = new RoleGraphApiFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/graphql/bcp-config.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var config = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("/graphql", config.RootElement.GetProperty("endpoint").GetString());
        Assert.True(config.RootElement.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
    }

    [Fact]
    public async Task LicenseIsServedNextToTheIde()
    {
        using var factory = new RoleGraphApiFactory();
        using var client = factory.CreateClient();

        var license = await client.GetStringAsync(new Uri("/graphql/LICENSE", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("ChilliCream License 1.0", license, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonHtmlGetReachesTheGraphQLEndpoint()
    {
        using var factory = new RoleGraphApiFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // The query's answer, as the endpoint gives it to a client asking for JSON.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"data":{"__typename":"Query"}}"""), JsonNode.Parse(body)), body);
    }

    [Fact]
    public async Task DisabledIdeLeavesBrowserGetsToTheEndpoint()
    {
        using var factory = new RoleGraphApiFactory();
        factory.Settings["RoleGraph:Ide:Enabled"] = "false";
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        using var config = await client.GetAsync(new Uri("/graphql/bcp-config.json", UriKind.Relative), TestContext.Current.CancellationToken);

        // The endpoint itself answers: a GET without a query is no GraphQL request (400, BAD_REQUEST), and the IDE's
        // files are not served.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType); // the browser accepts */* only as a fallback: the legacy type
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("BAD_REQUEST", (string?)Assert.Single(body["errors"]!.AsArray())!["extensions"]!["code"]);
        Assert.Null(body["data"]);
        Assert.Equal(HttpStatusCode.NotFound, config.StatusCode);
    }
}
