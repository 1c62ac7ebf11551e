using System.Net;
using System.Text.RegularExpressions;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Explorer;

/// <summary>The explorer page as the real API serves it: Program's pipeline, configuration and build output.</summary>
public sealed partial class ExplorerHttpTests
{
    [Fact]
    public async Task The_bare_path_redirects_to_the_folder_whose_index_is_the_page()
    {
        using var factory = new RoleGraphApiFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var redirect = await client.GetAsync(new Uri("/explore?x=1", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal("/explore/?x=1", redirect.Headers.Location?.OriginalString);

        using var index = await client.GetAsync(new Uri("/explore/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        var html = await index.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<title>RoleGraph explorer</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_file_the_page_references_is_served_locally_and_hashed_ones_are_immutable()
    {
        using var factory = new RoleGraphApiFactory();
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/explore/", UriKind.Relative), TestContext.Current.CancellationToken);
        var references = References().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        Assert.Contains(references, r => r.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(references, r => r.EndsWith(".css", StringComparison.Ordinal));
        foreach (var reference in references)
        {
            // No CDN: every reference is relative, beneath /explore/.
            Assert.False(Uri.TryCreate(reference, UriKind.Absolute, out _), $"index.html references the absolute URL {reference}");
            Assert.StartsWith("./assets/", reference, StringComparison.Ordinal);
            using var response = await client.GetAsync(new Uri(new Uri("http://localhost/explore/"), reference), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reference}: {(int)response.StatusCode}");
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Switched_off_nothing_is_served_and_GraphQL_is_untouched()
    {
        using var factory = new RoleGraphApiFactory();
        factory.Settings["RoleGraph:Explorer:Enabled"] = "false";
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var bare = await client.GetAsync(new Uri("/explore", UriKind.Relative), TestContext.Current.CancellationToken);
        using var index = await client.GetAsync(new Uri("/explore/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);

        var data = await factory.AnonymousGraphQL().QueryAsync("{ role(id: \"data-scientist\") { name } }");
        Assert.Equal("Data Scientist", (string?)data["role"]!["name"]);
    }

    [Fact]
    public async Task Posts_to_the_page_path_are_not_answered_by_it()
    {
        using var factory = new RoleGraphApiFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var content = new StringContent("{}");

        using var response = await client.PostAsync(new Uri("/explore/", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    // The files the page loads: scripts and stylesheets (its links to views and to the IDE are navigation).
    [GeneratedRegex("<(?:script|link)\\b[^>]*?(?:src|href)=\"(?<url>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex References();
}
