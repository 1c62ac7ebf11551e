using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RoleGraph.Tests.Embedded;

/// <summary>
/// One line of the embedded store's journal, read independently of the store's own code:
/// <c>&lt;16 hex chars of SHA-256 of the JSON&gt; &lt;JSON&gt;\n</c>.
/// </summary>
internal sealed record JournalLine(string Checksum, string Json)
{
    public bool ChecksumMatches => Checksum == ChecksumOf(Json);

    public long Revision
    {
        get
        {
            using var document = JsonDocument.Parse(Json);
            return document.RootElement.GetProperty("revision").GetInt64();
        }
    }

    /// <summary>The ids of the nodes the entry writes, in order.</summary>
    public string[] WrittenNodeIds
    {
        get
        {
            using var document = JsonDocument.Parse(Json);
            return document.RootElement.TryGetProperty("writeNodes", out var nodes)
                ? nodes.EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToArray()
                : [];
        }
    }

    public static string ChecksumOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];

    /// <summary>Every line of a journal; the journal must end with a newline (no torn line).</summary>
    public static IReadOnlyList<JournalLine> Parse(byte[] journal)
    {
        var text = Encoding.UTF8.GetString(journal);
        if (text.Length == 0)
        {
            return [];
        }

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n').Select(line =>
        {
            Assert.True(line.Length > 17 && line[16] == ' ', $"Not a journal line: {line}");
            return new JournalLine(line[..16], line[17..]);
        }).ToArray();
    }

    /// <summary>A line as the journal holds it, with the given checksum (by default the right one).</summary>
    public static byte[] Bytes(string json, string? checksum = null) => Encoding.UTF8.GetBytes($"{checksum ?? ChecksumOf(json)} {json}\n");
}
