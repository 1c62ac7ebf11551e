using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace RoleGraph.Tests.Ide;

/// <summary>
/// Loads the IDE in headless Chromium against the API on real Kestrel, with every request off this machine
/// refused, and checks that it fetched our schema and shows it.
/// </summary>
public sealed class BananaCakePopBrowserTests
{
    // Debian's chromium package; Playwright's own browser download is not available here.
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ChromiumLoadsTheIdeAndShowsTheSchema()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"{ChromiumPath} is not installed (apt-get install -y chromium); the IDE browser check needs it.");
        }

        var output = TestContext.Current.TestOutputHelper;
        var cancellationToken = TestContext.Current.CancellationToken;

        using var factory = new IdeAppFactory();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var origin = new Uri(factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        output?.WriteLine($"API listening on {origin}");

        var profile = Directory.CreateTempSubdirectory("rolegraph-chromium-");
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
                // Service workers would answer later loads from their cache; this test is about what the server serves.
                ServiceWorkers = ServiceWorkerPolicy.Block,
            });

            // "Works offline" made literal: anything not addressed to our server is refused, and listed for the log.
            var refused = new ConcurrentQueue<string>();
            await browser.RouteAsync("**/*", async route =>
            {
                var url = new Uri(route.Request.Url);
                if (url.Scheme is "http" or "https" && url.Authority != origin.Authority)
                {
                    refused.Enqueue(route.Request.Url);
                    await route.AbortAsync("internetdisconnected");
                }
                else
                {
                    await route.ContinueAsync();
                }
            });

            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            var problems = new ConcurrentQueue<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    problems.Enqueue($"console.{message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => problems.Enqueue($"page error: {error}");
            page.Request += (_, request) => problems.Enqueue($"request: {request.Method} {request.Url} {request.PostData?[..Math.Min(80, request.PostData.Length)]}");
            page.Response += (_, response) => problems.Enqueue($"response: {response.Status} {response.Url}");

            var graphQLEndpoint = new Uri(origin, "/graphql").ToString();
            var introspection = page.WaitForResponseAsync(
                response => response.Url == graphQLEndpoint
                    && response.Request.Method == "POST"
                    && (response.Request.PostData ?? string.Empty).Contains("__schema", StringComparison.Ordinal),
                new PageWaitForResponseOptions { Timeout = (float)Patience.TotalMilliseconds });

            var navigation = await page.GotoAsync(graphQLEndpoint, new PageGotoOptions { Timeout = (float)Patience.TotalMilliseconds });
            Assert.NotNull(navigation);
            Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)navigation.Status);
            Assert.Equal(new Uri(origin, "/graphql/").ToString(), page.Url);

            // The IDE found bcp-config.json and asked our endpoint (not some default) for the schema.
            IResponse introspectionResponse;
            try
            {
                introspectionResponse = await introspection;
            }
            finally
            {
                await SaveScreenshotAsync(page, "bcp-fail.png", cancellationToken);
                foreach (var problem in problems)
                {
                    output?.WriteLine(problem);
                }
            }

            Assert.Equal(200, introspectionResponse.Status);
            using (var result = JsonDocument.Parse(await introspectionResponse.TextAsync()))
            {
                var typeNames = result.RootElement.GetProperty("data").GetProperty("__schema").GetProperty("types")
                    .EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToHashSet();
                Assert.Contains("Role", typeNames);
            }

            await Task.Delay(3000, cancellationToken);
            await SaveScreenshotAsync(page, "bcp-loaded.png", cancellationToken);
            output?.WriteLine(await page.InnerTextAsync("body"));

            foreach (var url in refused.Distinct())
            {
                output?.WriteLine($"refused off-machine request: {url}");
            }

            foreach (var problem in problems)
            {
                output?.WriteLine(problem);
            }
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be flushing its profile; a stray temp folder is not worth a failure.
            }
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string name, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "playwright");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, png, "image/png");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        cancellationToken.ThrowIfCancellationRequested();
    }
}
