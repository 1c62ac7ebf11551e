using System.Text.RegularExpressions;
using RoleGraph.Core.Model;
using RoleGraph.Neo4j.Cypher;

namespace RoleGraph.Tests.Neo4j.Store;

/// <summary>What the catalogue's statements promise each other: indexes that some read uses, properties that some read reads.</summary>
public sealed partial class CypherCatalogTests
{
    [GeneratedRegex(@"ON \(n\.(\w+)\)")]
    private static partial Regex IndexedProperty();

    [GeneratedRegex(@"n\.(\w+) = row\.")]
    private static partial Regex WrittenProperty();

    private static readonly string[] Reads = ReadCypher.Catalog().Select(e => e.Text).ToArray();

    private static bool IsRead(string property) => Reads.Any(text => text.Contains($"n.{property}", StringComparison.Ordinal) || text.Contains($" .{property}", StringComparison.Ordinal) || text.Contains($"{{.{property}", StringComparison.Ordinal));

    [Fact]
    public void Every_index_the_schema_creates_is_used_by_some_read()
    {
        var created = SchemaCypher.Setup.Where(s => s.StartsWith("CREATE", StringComparison.Ordinal)).SelectMany(s => IndexedProperty().Matches(s)).Select(m => m.Groups[1].Value).ToArray();

        Assert.NotEmpty(created);
        Assert.All(created, property => Assert.True(IsRead(property), $"The schema indexes {property}, which no statement reads: the index only costs writes."));
    }

    [Fact]
    public void Every_node_property_an_upsert_writes_is_read_by_some_statement()
    {
        var written = Enum.GetValues<NodeKind>().SelectMany(kind => WrittenProperty().Matches(WriteCypher.UpsertNodes(kind))).Select(m => m.Groups[1].Value).Distinct().ToArray();

        Assert.Contains("searchText", written);
        Assert.All(written, property => Assert.True(IsRead(property), $"Upserts write {property}, which no statement reads."));
    }

    [Fact]
    public void No_statement_enumerates_variable_length_paths()
    {
        // allShortestPaths over [*..n] lets Neo4j build every shortest path row by row; paths are found by a
        // breadth-first search one level per statement instead (PathNeighbourhood).
        Assert.All(CypherCatalog.All, e => Assert.DoesNotContain("*..", e.Text, StringComparison.Ordinal));
        Assert.All(CypherCatalog.All, e => Assert.DoesNotContain("shortestPath", e.Text, StringComparison.OrdinalIgnoreCase));
    }
}
