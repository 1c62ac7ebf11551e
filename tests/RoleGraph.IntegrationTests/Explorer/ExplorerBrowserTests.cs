using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace RoleGraph.Tests.Explorer;

/// <summary>
/// The explorer page in headless Chromium against the seeded service, as a person uses it: search "data", open Data
/// Scientist, compare it with Machine Learning Engineer, draw the paths between them, then the similar roles and the
/// skill gap. Each view's drawing is checked against the same service's answer to a query written here.
/// </summary>
public sealed class ExplorerBrowserTests
{
    private const string DataScientist = "data-scientist";
    private const string MachineLearningEngineer = "machine-learning-engineer";

    [Fact]
    public async Task Find_open_compare_and_connect_draw_what_the_service_answers()
    {
        ExplorerBrowser.SkipWithoutChromium();
        await using var browser = await ExplorerBrowser.StartAsync();
        var page = browser.Page;
        var graphQL = browser.GraphQL();
        try
        {
            // Find: typing "data" lists what search answers, in its order.
            await browser.OpenAsync();
            Assert.Equal("find", await browser.ViewAsync());
            var search = page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Find a role, skill or tool" });
            await Assertions.Expect(search).ToBeFocusedAsync();
            await search.FillAsync("data");
            var expectedHits = (await graphQL.QueryAsync("""{ search(text: "data", kinds: [ROLE, SKILL, TOOL], first: 12) { node { name } } }"""))["search"]!.AsArray()
                .Select(hit => (string)hit!["node"]!["name"]!).ToList();
            Assert.Contains("Data Scientist", expectedHits);
            var options = page.GetByRole(AriaRole.Option);
            await Assertions.Expect(options).ToHaveCountAsync(expectedHits.Count);
            var shown = (await options.AllInnerTextsAsync()).Select(text => text.Trim()).ToList();
            Assert.All(expectedHits.Zip(shown), pair => Assert.Contains(pair.First, pair.Second, StringComparison.Ordinal));
            await browser.SaveScreenshotAsync("explorer-find.png");

            // Neighbourhood: Data Scientist with every skill, tool and responsibility the service links to it.
            await browser.ActAsync(() => options.Filter(new LocatorFilterOptions { HasText = "Data Scientist" }).First.ClickAsync());
            Assert.Equal("node", await browser.ViewAsync());
            var role = (await graphQL.QueryAsync("""
                { role(id: "data-scientist") { skills { skill { id } } tools { tool { id } } responsibilities { id } } }
                """))["role"]!;
            var linked = role["skills"]!.AsArray().Select(s => (string)s!["skill"]!["id"]!)
                .Concat(role["tools"]!.AsArray().Select(t => (string)t!["tool"]!["id"]!))
                .Concat(role["responsibilities"]!.AsArray().Select(r => (string)r!["id"]!))
                .ToHashSet();
            Assert.True(linked.Count > 10, "the seed links Data Scientist to more than ten nodes");
            Assert.Equal([.. linked.Append(DataScientist).Order(StringComparer.Ordinal)], (await browser.NodeIdsAsync()).Order(StringComparer.Ordinal));
            Assert.Equal("ROLE", await browser.NodeDataAsync(DataScientist, "kind"));
            Assert.Equal("SKILL", await browser.NodeDataAsync("python", "kind"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Data Scientist" })).ToBeVisibleAsync();
            await browser.SaveScreenshotAsync("explorer-neighbourhood.png");

            // Clicking a node in the graph selects it and offers to re-centre there.
            await page.EvaluateAsync("() => window.__explorer.cy.getElementById('python').emit('tap')");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Selected: Python" })).ToBeVisibleAsync();

            // Compare: from the role's page, add Machine Learning Engineer; the shared items sit in the middle.
            await browser.ActAsync(() => page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Compare with…" }).ClickAsync());
            Assert.Equal("compare", await browser.ViewAsync());
            await browser.PickAsync(page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Add a role (5 at most)" }), "machine", "Machine Learning Engineer");
            await browser.ActAsync(() => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Compare", Exact = true }).ClickAsync());
            var overlap = (await graphQL.QueryAsync("""
                {
                  overlap(roleIds: ["data-scientist", "machine-learning-engineer"]) {
                    jaccard skills { id } tools { id } responsibilities { id }
                    perRole { role { id } skills { id } tools { id } responsibilities { id } }
                  }
                }
                """))["overlap"]!;
            static List<string> Held(JsonNode holder) =>
                [.. new[] { "skills", "tools", "responsibilities" }.SelectMany(kind => holder[kind]!.AsArray().Select(n => (string)n!["id"]!))];
            var sharedIds = Held(overlap);
            Assert.Contains("python", sharedIds);
            Assert.Equal(sharedIds.Order(StringComparer.Ordinal), (await browser.NodeIdsAsync("[group = 'shared']")).Order(StringComparer.Ordinal));
            Assert.Equal("role", await browser.NodeDataAsync(MachineLearningEngineer, "group"));
            // Each role's own items around it: as many as the page draws at most (15), all of them the role's alone.
            foreach (var own in overlap["perRole"]!.AsArray())
            {
                var roleId = (string)own!["role"]!["id"]!;
                var drawn = await browser.NodeIdsAsync($"[group = 'own:{roleId}']");
                var held = Held(own);
                Assert.Equal(Math.Min(15, held.Count), drawn.Count);
                Assert.All(drawn, id => Assert.Contains(id, held));
            }

            var jaccard = ((double)overlap["jaccard"]!).ToString("0.00", CultureInfo.InvariantCulture);
            await Assertions.Expect(page.GetByTestId("jaccard")).ToHaveTextAsync(jaccard);
            await browser.SaveScreenshotAsync("explorer-compare.png");

            // Connect: every node of every shortest path is drawn, each link labelled with its relation.
            await browser.ActAsync(() => page.GotoAsync(new Uri(browser.Origin, $"explore/#/connect/{DataScientist}").ToString()));
            await browser.PickAsync(page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Pick the role to start from, then the role to reach" }), "machine", "Machine Learning Engineer");
            await browser.ActAsync(() => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Draw the paths" }).ClickAsync());
            Assert.Equal("connect", await browser.ViewAsync());
            var paths = (await graphQL.QueryAsync("""
                { shortestPaths(fromId: "data-scientist", toId: "machine-learning-engineer", first: 5) { nodes { id } } }
                """))["shortestPaths"]!.AsArray();
            Assert.NotEmpty(paths);
            var pathNodes = paths.SelectMany(p => p!["nodes"]!.AsArray().Select(n => (string)n!["id"]!)).ToHashSet();
            Assert.Equal(pathNodes.Order(StringComparer.Ordinal), (await browser.NodeIdsAsync()).Order(StringComparer.Ordinal));
            var relations = await page.EvaluateAsync<string[]>("() => window.__explorer.cy.edges().map(e => e.data('relation'))");
            Assert.All(relations, relation => Assert.Equal("REQUIRES", relation));
            await Assertions.Expect(page.GetByRole(AriaRole.List, new PageGetByRoleOptions { Name = "Shortest paths, most relevant first" }).Locator("> li")).ToHaveCountAsync(paths.Count);
            await browser.SaveScreenshotAsync("explorer-connect.png");

            // Every query the page sent is one of its documents, and the box beneath the view shows the last one.
            var sent = await browser.SentQueriesAsync();
            Assert.Equal(["search", "neighbourhood", "compare", "connect"], sent.Distinct());
            await page.GetByText("GraphQL query of this view").ClickAsync();
            await Assertions.Expect(page.GetByLabel("Query document")).ToContainTextAsync("query ExplorerConnect");
            browser.AssertClean();
        }
        catch
        {
            await browser.ReportFailureAsync("explorer-failure-flow.png");
            throw;
        }
    }

    [Fact]
    public async Task Similar_roles_and_skill_gap_list_what_the_service_answers()
    {
        ExplorerBrowser.SkipWithoutChromium();
        await using var browser = await ExplorerBrowser.StartAsync();
        var page = browser.Page;
        var graphQL = browser.GraphQL();
        try
        {
            await browser.OpenAsync($"#/similar/{DataScientist}");
            var similar = (await graphQL.QueryAsync("""{ similarRoles(roleId: "data-scientist", first: 10) { role { id } } }"""))["similarRoles"]!.AsArray()
                .Select(s => (string)s!["role"]!["id"]!).ToList();
            Assert.Contains(MachineLearningEngineer, similar);
            var listed = await page.Locator("ol.similar > li").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.id)");
            Assert.Equal(similar, listed);
            Assert.Equal([.. similar.Append(DataScientist).Order(StringComparer.Ordinal)], (await browser.NodeIdsAsync()).Order(StringComparer.Ordinal));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Roles similar to Data Scientist" })).ToBeVisibleAsync();
            await browser.SaveScreenshotAsync("explorer-similar.png");

            // From a similar role's entry to the skill gap: bars in the service's order, split as it splits them.
            await browser.ActAsync(() => page.Locator($"ol.similar > li[data-id='{MachineLearningEngineer}']").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "skill gap" }).ClickAsync());
            Assert.Equal("gap", await browser.ViewAsync());
            var gap = (await graphQL.QueryAsync("""
                { skillGap(fromRoleId: "data-scientist", toRoleId: "machine-learning-engineer") { coverage missing { node { id } } carriesOver { node { id } } } }
                """))["skillGap"]!;
            static List<string> Ids(JsonNode items) => [.. items.AsArray().Select(i => (string)i!["node"]!["id"]!)];
            Assert.Equal(Ids(gap["missing"]!), await page.Locator(".bars.missing li").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.id)"));
            Assert.Equal(Ids(gap["carriesOver"]!), await page.Locator(".bars.carries li").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.id)"));
            Assert.Contains("python", Ids(gap["carriesOver"]!));
            var coverage = Math.Round((double)gap["coverage"]! * 100).ToString(CultureInfo.InvariantCulture) + "%";
            await Assertions.Expect(page.GetByTestId("coverage")).ToHaveTextAsync(coverage);
            await browser.SaveScreenshotAsync("explorer-gap.png");
            browser.AssertClean();
        }
        catch
        {
            await browser.ReportFailureAsync("explorer-failure-similar.png");
            throw;
        }
    }

    [Fact]
    public async Task The_keyboard_alone_finds_and_opens_a_role()
    {
        ExplorerBrowser.SkipWithoutChromium();
        await using var browser = await ExplorerBrowser.StartAsync();
        var page = browser.Page;
        try
        {
            await browser.OpenAsync();
            await page.Keyboard.TypeAsync("data scientist");
            var first = page.GetByRole(AriaRole.Option).First;
            await Assertions.Expect(first).ToContainTextAsync("Data Scientist");
            await Assertions.Expect(page.GetByRole(AriaRole.Combobox)).ToHaveAttributeAsync("aria-activedescendant", (await first.GetAttributeAsync("id"))!);
            await browser.ActAsync(() => page.Keyboard.PressAsync("Enter"));
            Assert.Equal("node", await browser.ViewAsync());
            Assert.Contains(DataScientist, await browser.NodeIdsAsync("node.focus"));
            browser.AssertClean();
        }
        catch
        {
            await browser.ReportFailureAsync("explorer-failure-keyboard.png");
            throw;
        }
    }

    [Fact]
    public async Task At_a_phone_width_the_page_is_one_column_without_sideways_scrolling()
    {
        ExplorerBrowser.SkipWithoutChromium();
        await using var browser = await ExplorerBrowser.StartAsync(width: 390, height: 844);
        var page = browser.Page;
        try
        {
            await browser.OpenAsync($"#/node/{DataScientist}");
            var stage = await page.Locator("#stage").BoundingBoxAsync();
            var panel = await page.Locator("#panel").BoundingBoxAsync();
            Assert.NotNull(stage);
            Assert.NotNull(panel);
            Assert.True(panel.Y >= stage.Y + stage.Height, $"the panel ({panel.Y}) is beneath the graph ({stage.Y}+{stage.Height})");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
            Assert.Contains("python", await browser.NodeIdsAsync());
            await browser.SaveScreenshotAsync("explorer-phone.png");
            browser.AssertClean();
        }
        catch
        {
            await browser.ReportFailureAsync("explorer-failure-phone.png");
            throw;
        }
    }
}
