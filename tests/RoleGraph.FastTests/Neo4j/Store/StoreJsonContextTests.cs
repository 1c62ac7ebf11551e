using System.Text.Json;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Neo4j.Store;

namespace RoleGraph.Tests.Neo4j.Store;

/// <summary>
/// The JSON the store keeps in Neo4j string properties, now source-generated (<see cref="StoreJsonContext"/>): the
/// same bytes as the reflection-based serializer wrote with the options of before (general defaults for a node's
/// properties, Web defaults for the sources), so graphs already stored read back and new writes match them.
/// </summary>
public sealed class StoreJsonContextTests
{
    /// <summary>Text the default encoder escapes: quotes, HTML-sensitive characters, non-ASCII, a surrogate pair, controls.</summary>
    private const string Awkward = "\"Data\" <R&D> 'café' 日本 \U0001F600 \\ \n\t\u0001 +";

    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        ["onetCode"] = "15-2051.00",
        ["PrimaryFocus"] = Awkward,
        [Awkward] = "",
    };

    private static readonly TaxonomyHeader[] Sources =
    [
        new("O*NET 29.0", "29.0", "https://www.onetcenter.org/", "CC BY 4.0"),
        new(Awkward),
    ];

    /// <summary>The options the store serialized its sources with before, through reflection.</summary>
    private static readonly JsonSerializerOptions ReflectionWebOptions = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_nodes_properties_are_the_json_the_general_defaults_wrote()
    {
        var node = new GraphNode("data-scientist", NodeKind.Role, "Data Scientist", null, [], Properties);

        var stored = (string)StoredNode.ToRow(node)["properties"]!;

        Assert.Equal(JsonSerializer.Serialize<IReadOnlyDictionary<string, string>>(Properties), stored);
        Assert.StartsWith("""{"onetCode":"15-2051.00","PrimaryFocus":"\u0022Data\u0022 \u003CR\u0026D\u003E \u0027caf\u00E9\u0027""", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nodes_properties_read_back_as_written()
    {
        var node = new GraphNode("data-scientist", NodeKind.Role, "Data Scientist", "Works with data.", ["DS"], Properties);
        var row = StoredNode.ToRow(node);
        var map = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["id"] = row["id"], ["kind"] = row["kind"], ["name"] = row["name"], ["description"] = row["description"],
            ["aliases"] = row["aliases"], ["properties"] = row["properties"],
        });

        var read = StoredNode.Read(map);

        Assert.Equal(Properties.OrderBy(p => p.Key, StringComparer.Ordinal), read.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_sources_are_the_json_the_web_defaults_wrote()
    {
        IReadOnlyList<TaxonomyHeader> sources = Sources;

        var stored = JsonSerializer.Serialize(sources, StoreJsonContext.Default.IReadOnlyListTaxonomyHeader);

        Assert.Equal(JsonSerializer.Serialize(sources, ReflectionWebOptions), stored);
        Assert.StartsWith(
            """[{"name":"O*NET 29.0","version":"29.0","source":"https://www.onetcenter.org/","license":"CC BY 4.0"},{"name":"\u0022Data\u0022""",
            stored, StringComparison.Ordinal);
        Assert.EndsWith(""","version":null,"source":null,"license":null}]""", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sources_read_back_as_written_and_in_any_case_as_the_web_defaults_read_them()
    {
        var stored = JsonSerializer.Serialize<IReadOnlyList<TaxonomyHeader>>(Sources, StoreJsonContext.Default.IReadOnlyListTaxonomyHeader);

        TaxonomyHeader[] otherCase = [new("x", License: "CC0")];

        Assert.Equal(Sources, JsonSerializer.Deserialize(stored, StoreJsonContext.Default.TaxonomyHeaderArray));
        Assert.Equal(otherCase, JsonSerializer.Deserialize("""[{"Name":"x","LICENSE":"CC0"}]""", StoreJsonContext.Default.TaxonomyHeaderArray));
    }
}
