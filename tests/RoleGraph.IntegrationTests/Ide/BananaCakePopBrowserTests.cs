using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Ide;

/// <summary>
/// Loads the IDE in headless Chromium against the API on real Kestrel, with every request off this machine
/// refused, and checks that it fetched our schema and shows it.
/// </summary>
public sealed partial class BananaCakePopBrowserTests
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
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);

        using var factory = new RoleGraphApiFactory();
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
                // The IDE's worker only caches it for later visits; blocking it keeps every request the page makes in
                // view of the route below, and the IDE must work without it anyway.
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
            page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
            var diagnostics = new ConcurrentQueue<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    diagnostics.Enqueue($"console.{message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => diagnostics.Enqueue($"page error: {error}");
            page.Response += (_, response) =>
            {
                var body = response.Request.PostData is { } data ? " " + data[..Math.Min(200, data.Length)] : string.Empty;
                diagnostics.Enqueue($"{response.Request.Method} {response.Url} -> {response.Status}{body}");
            };

            try
            {
                var graphQLEndpoint = new Uri(origin, "graphql").ToString();
                var config = page.WaitForResponseAsync(new Uri(origin, "graphql/bcp-config.json").ToString());
                var navigation = await page.GotoAsync(graphQLEndpoint);

                // The browser asked for /graphql and ended in the IDE folder, whose relative asset URLs all resolve.
                Assert.NotNull(navigation);
                Assert.Equal(200, navigation.Status);
                Assert.Equal(new Uri(origin, "graphql/").ToString(), page.Url);
                Assert.Equal(200, (await config).Status);

                // A new document connects to the endpoint from bcp-config.json without asking, and introspects it.
                var introspection = page.WaitForResponseAsync(response =>
                    response.Url == graphQLEndpoint
                    && response.Request.Method == "POST"
                    && (response.Request.PostData ?? string.Empty).Contains("__schema", StringComparison.Ordinal));
                await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create Document" }).ClickAsync();
                var introspectionResponse = await introspection;
                Assert.Equal(200, introspectionResponse.Status);
                using (var result = JsonDocument.Parse(await introspectionResponse.TextAsync()))
                {
                    var typeNames = result.RootElement.GetProperty("data").GetProperty("__schema").GetProperty("types")
                        .EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
                    Assert.Contains("Role", typeNames);
                }

                await Assertions.Expect(page.GetByText("Schema available")).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Status, new PageGetByRoleOptions { Name = graphQLEndpoint, Exact = true })).ToBeVisibleAsync();

                // What a person sees: the connection shown is this endpoint; the reference lists the Query type with
                // our "overlap" field and "Role" among the object types. The reference is opened only after the
                // operation builder has finished "Indexing Schema" (it then says "No Operations" for the empty
                // document), because a reference view opened while the IDE still indexes stays at "No Schema".
                await Assertions.Expect(page.GetByText("No Operations")).ToBeVisibleAsync();
                await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Schema Reference" }).ClickAsync();
                await Assertions.Expect(page.GetByText("Kind of type: Object")).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByText("overlap", new PageGetByTextOptions { Exact = true }).First).ToBeVisibleAsync();
                // The category buttons read "Objects 34", "Input Objects 5", ...; only the first lists object types.
                await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = ObjectsCategory() }).ClickAsync();
                var roleHeading = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Role", Exact = true });
                await Assertions.Expect(roleHeading).ToBeVisibleAsync();
                await roleHeading.ScrollIntoViewIfNeededAsync();
                await SaveScreenshotAsync(page, "bcp-schema-reference.png");

                // And an operation typed into the IDE is posted to /graphql and answered there.
                await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Operation", Exact = true }).ClickAsync();
                var operation = page.WaitForResponseAsync(response =>
                    response.Url == graphQLEndpoint
                    && response.Request.Method == "POST"
                    && (response.Request.PostData ?? string.Empty).Contains("__typename", StringComparison.Ordinal)
                    && !(response.Request.PostData ?? string.Empty).Contains("__schema", StringComparison.Ordinal));
                await page.Locator(".monaco-editor").First.ClickAsync();
                await page.Keyboard.TypeAsync("{ __typename ");
                await page.Keyboard.PressAsync("Escape");
                // The editor puts a "Run" lens over the operation once the IDE has parsed the edit; Run before that
                // sends the previous (empty) text.
                await Assertions.Expect(page.Locator(".codelens-decoration").First).ToBeVisibleAsync();
                await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Run Operation" }).ClickAsync();
                var operationResponse = await operation;
                Assert.Equal(200, operationResponse.Status);
                using (var result = JsonDocument.Parse(await operationResponse.TextAsync()))
                {
                    Assert.Equal("Query", result.RootElement.GetProperty("data").GetProperty("__typename").GetString());
                }

                await SaveScreenshotAsync(page, "bcp-operation.png");

                Assert.True(refused.IsEmpty, "The IDE tried to reach off this machine: " + string.Join(", ", refused.Distinct()));
            }
            catch
            {
                await SaveScreenshotAsync(page, "bcp-failure.png");
                foreach (var line in diagnostics.Concat(refused.Select(url => $"refused off-machine request: {url}")))
                {
                    output?.WriteLine(line);
                }

                throw;
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

    [GeneratedRegex(@"^Objects \d+$")]
    private static partial Regex ObjectsCategory();

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "playwright");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, png, "image/png");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }
}
