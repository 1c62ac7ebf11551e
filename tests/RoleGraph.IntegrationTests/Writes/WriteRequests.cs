using System.Net;
using System.Text.Json.Nodes;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Writes;

/// <summary>What the write tests send and check again and again: exports to compare, refusals to take apart.</summary>
internal static class WriteRequests
{
    /// <summary>The seed taxonomy as the service loads it (from the test output's seed/), to count against.</summary>
    public static TaxonomyDocument Seed { get; } = TaxonomyReader.ReadDirectory(Path.Combine(AppContext.BaseDirectory, "seed"));

    /// <summary>How many links of the seed touch a node.</summary>
    public static int SeedLinksOf(string id) => Seed.Links.Count(l => l.FromId == id || l.ToId == id);

    /// <summary>The whole graph as the service exports it; equal exports mean equal graphs (the writer's order is fixed).</summary>
    public static async Task<string> ExportAsync(this GraphQLClient client, string format = "YAML") =>
        (string)(await client.QueryAsync($"{{ exportTaxonomy(format: {format}) }}"))["exportTaxonomy"]!;

    /// <summary>
    /// Posts a write that must be refused: HTTP 200 (a field error), the field null, and every error with a code,
    /// the field's path and a location. Returns the errors.
    /// </summary>
    public static async Task<JsonNode[]> RefusedAsync(this GraphQLClient client, string field, string document, object? variables = null)
    {
        var response = await client.PostAsync(document, variables);
        Assert.True(response.Status == HttpStatusCode.OK, $"HTTP {(int)response.Status}: {response.Text}");
        Assert.True(response.Errors is { Count: > 0 }, $"Expected errors: {response.Text}");
        Assert.NotNull(response.Data);
        Assert.Null(response.Data[field]);
        foreach (var error in response.Errors)
        {
            Assert.NotNull(error!["extensions"]?["code"]);
            Assert.Equal(field, (string?)error["path"]![0]);
            Assert.NotNull(error["locations"]);
        }

        return response.Errors.Select(e => e!).ToArray();
    }

    public static string Code(this JsonNode error) => (string)error["extensions"]!["code"]!;

    public static string Message(this JsonNode error) => (string)error["message"]!;

    /// <summary>The path of the refused input a graph-edit error names (extensions.input).</summary>
    public static string Input(this JsonNode error)
    {
        var input = error["extensions"]?["input"];
        Assert.True(input is not null, $"No extensions.input: {error.ToJsonString()}");
        return (string)input!;
    }

    /// <summary>A change report's counts as (created, updated, unchanged, deleted).</summary>
    public static (int Created, int Updated, int Unchanged, int Deleted) Counts(this JsonNode counts) =>
        ((int)counts["created"]!, (int)counts["updated"]!, (int)counts["unchanged"]!, (int)counts["deleted"]!);

    public const string ReportFields = "changed dryRun nodes { created updated unchanged deleted } links { created updated unchanged deleted }";

    /// <summary>The seed's node ids of one kind, for list counts.</summary>
    public static int SeedCount(NodeKind kind) => Seed.Nodes.Count(n => n.Kind == kind);
}
