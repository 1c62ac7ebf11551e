using System.Collections.ObjectModel;
using System.Dynamic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoleGraph.Core.Model;
using RoleGraph.Neo4j.Client;

namespace RoleGraph.Tests.Neo4j.Client;

/// <summary>
/// How parameter values go on the wire, type by type. The client writes each supported type itself (no reflection,
/// so it works trimmed under Native AOT) and refuses any other type by name rather than guess at its JSON.
/// </summary>
public sealed class Neo4jWireValueTests
{
    /// <summary>Each case: the value of parameter "v" and the JSON it must become, the same bytes the reflection-based writer sent.</summary>
    private static readonly Dictionary<string, (object? Value, string Json)> Supported = new(StringComparer.Ordinal)
    {
        ["null"] = (null, "null"),
        ["string, escaped as System.Text.Json's default encoder does"] = ("Data \"Scientist\" <R&D> \u00e9\\\n", "\"Data \\u0022Scientist\\u0022 \\u003CR\\u0026D\\u003E \\u00E9\\\\\\n\""),
        ["true"] = (true, "true"),
        ["false"] = (false, "false"),
        ["int"] = (int.MinValue, "-2147483648"),
        ["long"] = (long.MaxValue, "9223372036854775807"),
        ["short"] = ((short)-7, "-7"),
        ["byte"] = ((byte)255, "255"),
        ["sbyte"] = ((sbyte)-128, "-128"),
        ["ushort"] = (ushort.MaxValue, "65535"),
        ["uint"] = (uint.MaxValue, "4294967295"),
        ["double with a fraction"] = (0.1 + 0.2, "0.30000000000000004"),
        ["whole double, which Neo4j reads as an integer"] = (1.0, "1"),
        ["small double"] = (1e-7, "1E-07"),
        ["float, shortest form"] = (0.1f, "0.1"),
        ["decimal, scale kept"] = (1.50m, "1.50"),
        ["JsonElement"] = (JsonDocument.Parse("""{"a": [1, 2.0]}""").RootElement, """{"a":[1,2.0]}"""),
        ["JsonNode"] = (JsonNode.Parse("""[1, "x"]"""), """[1,"x"]"""),
        ["map"] = (new Dictionary<string, object?> { ["a"] = 1, ["b"] = new object?[] { null, "x" } }, """{"a":1,"b":[null,"x"]}"""),
        ["read-only map"] = (new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?> { ["a"] = true }), """{"a":true}"""),
        ["map through IDictionary<string, object?> only"] = (Expando(("a", 1L), ("b", "x")), """{"a":1,"b":"x"}"""),
        ["map of strings"] = (new Dictionary<string, string> { ["code"] = "15-2051", ["x"] = "<y>" }, """{"code":"15-2051","x":"\u003Cy\u003E"}"""),
        ["map of numbers"] = (new Dictionary<string, int> { ["a"] = 1 }, """{"a":1}"""),
        ["string array"] = (new[] { "python", "r" }, """["python","r"]"""),
        ["list of mixed values"] = (new List<object?> { "DS", 7L, null, 0.5 }, """["DS",7,null,0.5]"""),
        ["nullable doubles"] = (new double?[] { 0.5, null }, "[0.5,null]"),
        ["lazy sequence"] = (Enumerable.Range(1, 3).Select(i => i * 2), "[2,4,6]"),
        ["rows as the store sends them"] = (
            new[] { new Dictionary<string, object?> { ["fromId"] = "a", ["importance"] = 0.75, ["level"] = null } },
            """[{"fromId":"a","importance":0.75,"level":null}]"""),
        ["list in a map in a list"] = (new object[] { new Dictionary<string, object?> { ["ids"] = new List<string> { "a" } } }, """[{"ids":["a"]}]"""),
    };

    /// <summary>Each case: a value the client refuses, and what the error must name.</summary>
    private static readonly Dictionary<string, (object? Value, string Named)> Refused = new(StringComparer.Ordinal)
    {
        ["enum"] = (NodeKind.Role, "RoleGraph.Core.Model.NodeKind"),
        ["date"] = (new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc), "System.DateTime"),
        ["guid"] = (Guid.Empty, "System.Guid"),
        ["char"] = ('x', "System.Char"),
        ["unsigned long, beyond Cypher's signed integers"] = (1UL, "System.UInt64"),
        ["plain object"] = (new object(), "System.Object"),
        ["key-value pair"] = (new KeyValuePair<string, object?>("a", 1), "KeyValuePair"),
        ["NaN"] = (double.NaN, "NaN"),
        ["infinity"] = (double.PositiveInfinity, "Infinity"),
        ["float NaN"] = (float.NaN, "NaN"),
        ["map with integer keys"] = (new Dictionary<int, string> { [1] = "a" }, "System.Int32"),
    };

    public static TheoryData<string> SupportedCases => [.. Supported.Keys];

    public static TheoryData<string> RefusedCases => [.. Refused.Keys];

    private static ExpandoObject Expando(params (string Key, object? Value)[] members)
    {
        var expando = new ExpandoObject();
        foreach (var (key, value) in members)
        {
            ((IDictionary<string, object?>)expando)[key] = value;
        }

        return expando;
    }

    private static string Body(IReadOnlyDictionary<string, object?> parameters) =>
        Encoding.UTF8.GetString(Neo4jWire.WriteQuery(new CypherStatement("RETURN $v", parameters), null).Span);

    [Theory]
    [MemberData(nameof(SupportedCases))]
    public void A_supported_value_is_written_as_its_json(string name)
    {
        var (value, json) = Supported[name];

        Assert.Equal($$$"""{"statement":"RETURN $v","parameters":{"v":{{{json}}}}}""", Body(new Dictionary<string, object?> { ["v"] = value }));
    }

    [Theory]
    [MemberData(nameof(RefusedCases))]
    public void An_unsupported_value_is_refused_naming_the_parameter_and_the_type(string name)
    {
        var (value, named) = Refused[name];

        var exception = Assert.Throws<NotSupportedException>(() => Body(new Dictionary<string, object?> { ["v"] = value }));

        Assert.Contains("'v'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_deep_inside_a_parameter_is_refused_naming_the_parameter_it_is_in()
    {
        var rows = new[] { new Dictionary<string, object?> { ["id"] = "a", ["kind"] = new List<object?> { NodeKind.Skill } } };

        var exception = Assert.Throws<NotSupportedException>(() => Body(new Dictionary<string, object?> { ["ids"] = new[] { "a" }, ["rows"] = rows }));

        Assert.Contains("'rows'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(NodeKind), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_with_an_unsupported_value_is_not_sent()
    {
        var server = new FakeNeo4jHandler(FakeNeo4jHandler.Json("""{"results":[],"errors":[]}"""));
        var client = TestClient.Create(server);

        await Assert.ThrowsAsync<NotSupportedException>(() => client.RunAsync(
            [new CypherStatement("MATCH (n:Node {kind: $kind}) RETURN n.id", new Dictionary<string, object?> { ["kind"] = NodeKind.Role })],
            TestContext.Current.CancellationToken));

        Assert.Empty(server.Requests);
    }
}
