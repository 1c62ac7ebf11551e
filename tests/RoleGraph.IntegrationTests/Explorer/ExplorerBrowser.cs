using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Explorer;

/// <summary>
/// The API on a loopback port (seeded, or over a given data directory) and the explorer page in headless Chromium
/// (Debian's /usr/bin/chromium), with every request off this machine refused. Reads the page through the DOM and the
/// graph library's model (<c>window.__explorer.cy</c>), never pixels; screenshots are kept as test artifacts.
/// </summary>
internal sealed class ExplorerBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly RoleGraphApiFactory _factory;
    private readonly DirectoryInfo _profile;
    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _browser;
    private readonly ConcurrentQueue<string> _refused = new();
    private readonly ConcurrentQueue<string> _diagnostics = new();

    private ExplorerBrowser(RoleGraphApiFactory factory, Uri origin, DirectoryInfo profile, IPlaywright playwright, IBrowserContext browser, IPage page)
    {
        _factory = factory;
        Origin = origin;
        _profile = profile;
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public Uri Origin { get; }

    public IPage Page { get; }

    /// <summary>A client of the same service, for the expected answers.</summary>
    public GraphQLClient GraphQL() => _factory.AnonymousGraphQL();

    /// <summary>Skips the calling test, with the reason, where Chromium is not installed.</summary>
    public static void SkipWithoutChromium()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"{ChromiumPath} is not installed (apt-get install -y chromium); the explorer browser tests need it.");
        }
    }

    public static async Task<ExplorerBrowser> StartAsync(string? dataDirectory = null, int width = 1400, int height = 900)
    {
        var factory = dataDirectory is null ? new RoleGraphApiFactory() : new RoleGraphApiFactory { DataDirectory = dataDirectory };
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var origin = new Uri(factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        var profile = Directory.CreateTempSubdirectory("rolegraph-explorer-chromium-");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        var session = new ExplorerBrowser(factory, origin, profile, playwright, browser, page);

        // Nothing from a CDN: anything not addressed to our server is refused and listed.
        await browser.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != origin.Authority)
            {
                session._refused.Enqueue(route.Request.Url);
                await route.AbortAsync("internetdisconnected");
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                session._diagnostics.Enqueue($"console.{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => session._diagnostics.Enqueue($"page error: {error}");
        return session;
    }

    /// <summary>Opens the page at a view's address (e.g. "#/node/python") and waits until it has rendered.</summary>
    public async Task OpenAsync(string hash = "")
    {
        var before = await RendersAsync();
        var response = await Page.GotoAsync(new Uri(Origin, "explore/" + hash).ToString());
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await WaitForRenderAfterAsync(before);
    }

    /// <summary>Runs an action that changes the view and waits until the new view has rendered without error.</summary>
    public async Task ActAsync(Func<Task> action)
    {
        var before = await RendersAsync();
        await action();
        await WaitForRenderAfterAsync(before);
    }

    private async Task<int> RendersAsync()
    {
        try
        {
            return await Page.EvaluateAsync<int>("() => window.__explorer ? window.__explorer.renders : -1");
        }
        catch (PlaywrightException)
        {
            return -1;
        }
    }

    private async Task WaitForRenderAfterAsync(int before)
    {
        // A render can be followed at once by another load (the page opening at an address renders, then follows
        // the address), so the view is settled once it has rendered and is no longer loading.
        await Page.WaitForFunctionAsync("n => window.__explorer && window.__explorer.renders > n && document.body.dataset.state !== 'loading'", before);
        var state = await Page.EvaluateAsync<string>("() => document.body.dataset.state");
        Assert.True(state == "ready", $"The view ended in state {state}: {await Page.Locator("#status").InnerTextAsync()}");
    }

    public Task<string> ViewAsync() => Page.EvaluateAsync<string>("() => window.__explorer.view");

    /// <summary>The ids of the nodes in the graph library's model.</summary>
    public async Task<List<string>> NodeIdsAsync(string selector = "node") =>
        [.. await Page.EvaluateAsync<string[]>("s => window.__explorer.cy.nodes(s).map(n => n.id())", selector)];

    public Task<string?> NodeDataAsync(string id, string key) =>
        Page.EvaluateAsync<string?>("([id, key]) => { const n = window.__explorer.cy.getElementById(id); return n.nonempty() ? String(n.data(key)) : null; }", new[] { id, key });

    /// <summary>The names of the queries the page sent, in order.</summary>
    public async Task<List<string>> SentQueriesAsync() =>
        [.. await Page.EvaluateAsync<string[]>("() => window.__explorer.sent.map(s => s.name)")];

    /// <summary>Types into a search box and picks the option with this exact name.</summary>
    public async Task PickAsync(ILocator input, string text, string name)
    {
        await input.FillAsync(text);
        var option = Page.GetByRole(AriaRole.Option).Filter(new LocatorFilterOptions { HasText = name }).First;
        await Assertions.Expect(option).ToBeVisibleAsync();
        await option.ClickAsync();
    }

    public async Task SaveScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "playwright");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        var png = await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.Current.AddAttachment(name, png, "image/png");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }

    /// <summary>Asserts that the page neither failed nor reached off the machine; on failure, prints what it saw.</summary>
    public void AssertClean()
    {
        Assert.True(_refused.IsEmpty, "The page tried to reach off this machine: " + string.Join(", ", _refused.Distinct()));
        var errors = _diagnostics.Where(d => d.StartsWith("page error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    public async Task ReportFailureAsync(string name)
    {
        try
        {
            await SaveScreenshotAsync(name);
        }
        catch (PlaywrightException)
        {
            // The page may be gone; the log below still says what happened.
        }

        foreach (var line in _diagnostics.Concat(_refused.Select(url => $"refused off-machine request: {url}")))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; a stray temp folder is not worth a failure.
        }
    }
}
