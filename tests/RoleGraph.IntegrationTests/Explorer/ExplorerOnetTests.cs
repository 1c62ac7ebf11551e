using System.Globalization;
using Microsoft.Playwright;
using RoleGraph.Tests.Cli;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Onet;

namespace RoleGraph.Tests.Explorer;

/// <summary>
/// The explorer on the whole O*NET 29.3 database (imported with the import-onet verb from shared/datasets/onet-29.3
/// beside the repository; skipped, with the reason, where it is absent): Data Scientists opens and compares, and a
/// hub such as Microsoft Excel (used by hundreds of roles) stays readable because each relation is capped and paged.
/// </summary>
public sealed class ExplorerOnetTests : IDisposable
{
    private const int PageSize = 15;

    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Data_scientists_and_the_Microsoft_Excel_hub_stay_readable()
    {
        if (OnetData.FullDatabaseDirectory is not { } database)
        {
            Assert.Skip($"The O*NET 29.3 database is not at shared/datasets/onet-29.3 in {Directory.GetParent(RepositoryFiles.Root)} or a directory above it.");
            return;
        }

        ExplorerBrowser.SkipWithoutChromium();
        await _workspace.SucceedAsync("import-onet", database, "--data-file", "rolegraph.json");
        await using var browser = await ExplorerBrowser.StartAsync(dataDirectory: _workspace.Path);
        var page = browser.Page;
        var graphQL = browser.GraphQL();
        try
        {
            // Find and open Data Scientists.
            await browser.OpenAsync();
            await browser.ActAsync(() => browser.PickAsync(page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Find a role, skill or tool" }), "data scientists", "Data Scientists"));
            var role = (await graphQL.QueryAsync("""{ role(id: "data-scientists") { skills { skill { id } } tools { tool { id } } responsibilities { id } } }"""))["role"]!;
            var counts = new[] { ("skills", role["skills"]!.AsArray().Count), ("tools", role["tools"]!.AsArray().Count), ("responsibilities", role["responsibilities"]!.AsArray().Count) };
            Assert.True(counts.Sum(c => c.Item2) > 3 * PageSize, "Data Scientists links to more nodes than one page of each relation");
            var nodes = await browser.NodeIdsAsync();
            Assert.Equal(1 + counts.Sum(c => Math.Min(PageSize, c.Item2)), nodes.Count);
            foreach (var (group, count) in counts.Where(c => c.Item2 > 0))
            {
                await Assertions.Expect(page.Locator($"section.group[data-group='{group}'] .count")).ToHaveTextAsync($"{Math.Min(PageSize, count)} of {count} shown");
            }

            await browser.SaveScreenshotAsync("explorer-onet-data-scientists.png");

            // The hub: one page of its roles, heaviest first, and "Show more" adds the next page.
            await browser.ActAsync(() => page.GotoAsync(new Uri(browser.Origin, "explore/#/node/microsoft-excel").ToString()));
            var users = (await graphQL.QueryAsync("""{ tool(id: "microsoft-excel") { roles { importance role { id } } } }"""))["tool"]!["roles"]!.AsArray();
            Assert.True(users.Count > 100, $"Microsoft Excel is a hub ({users.Count} roles use it)");
            var roleIds = await browser.NodeIdsAsync("[kind = 'ROLE']");
            Assert.Equal(PageSize, roleIds.Count);
            var heaviest = users.Select(u => (double?)u!["importance"] ?? -1).OrderDescending().Take(PageSize).Min();
            Assert.All(roleIds, id => Assert.True(
                ((double?)users.Single(u => (string)u!["role"]!["id"]! == id)!["importance"] ?? -1) >= heaviest,
                $"{id} is drawn but is not among the {PageSize} heaviest users"));
            var roleCount = page.Locator("section.group[data-group='roles'] .count");
            await Assertions.Expect(roleCount).ToHaveTextAsync($"{PageSize} of {users.Count} shown");
            await browser.SaveScreenshotAsync("explorer-onet-excel.png");

            await page.Locator("button.more[data-group='roles']").ClickAsync();
            await Assertions.Expect(roleCount).ToHaveTextAsync($"{2 * PageSize} of {users.Count} shown");
            Assert.Equal(2 * PageSize, (await browser.NodeIdsAsync("[kind = 'ROLE']")).Count);

            // Compare Data Scientists with Statisticians: the drawing is capped, the Jaccard figure is the service's.
            await browser.ActAsync(() => page.GotoAsync(new Uri(browser.Origin, "explore/#/compare/data-scientists,statisticians").ToString()));
            var jaccard = (double)(await graphQL.QueryAsync("""{ overlap(roleIds: ["data-scientists", "statisticians"]) { jaccard } }"""))["overlap"]!["jaccard"]!;
            await Assertions.Expect(page.GetByTestId("jaccard")).ToHaveTextAsync(jaccard.ToString("0.00", CultureInfo.InvariantCulture));
            Assert.True((await browser.NodeIdsAsync()).Count <= 2 + 30 + 2 * PageSize, "the compare view draws at most 30 shared and 15 own items per role");
            await browser.SaveScreenshotAsync("explorer-onet-compare.png");
            browser.AssertClean();
        }
        catch
        {
            await browser.ReportFailureAsync("explorer-failure-onet.png");
            throw;
        }
    }
}
