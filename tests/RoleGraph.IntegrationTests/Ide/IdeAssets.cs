using System.Text.RegularExpressions;

namespace RoleGraph.Tests.Ide;

/// <summary>Reads asset names from the IDE's own index.html, since they carry content hashes that change per release.</summary>
internal static partial class IdeAssets
{
    public static async Task<string> IndexHtmlAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>The first script index.html loads, as the relative URL written there (e.g. "static/js/polyfills.123.js").</summary>
    public static async Task<string> FirstScriptAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var match = ScriptSource().Match(await IndexHtmlAsync(client, cancellationToken));
        Assert.True(match.Success, "index.html references no script");
        return match.Groups["src"].Value;
    }

    public static IEnumerable<string> References(string indexHtml) =>
        Reference().Matches(indexHtml).Select(m => m.Groups["url"].Value);

    [GeneratedRegex(@"<script[^>]*\ssrc=""(?<src>[^""]+)""")]
    private static partial Regex ScriptSource();

    [GeneratedRegex(@"\s(?:src|href)=""(?<url>[^""]+)""")]
    private static partial Regex Reference();
}
