using RoleGraph.Core.Model;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Cypher;

namespace RoleGraph.Tests.Contract.Emulated;

/// <summary>The emulator's own promises, which the emulated contract relies on.</summary>
public sealed class CatalogNeo4jEmulatorTests : IDisposable
{
    private readonly CatalogNeo4jEmulator _emulator = new(shuffleUnordered: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _emulator.Dispose();

    private static CypherStatement Statement(string text, params (string Name, object? Value)[] parameters) =>
        new(text, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));

    private static Dictionary<string, object?> SkillRow(string id, string? description = "d") => new(StringComparer.Ordinal)
    {
        ["id"] = id, ["kind"] = "Skill", ["name"] = id, ["description"] = description, ["aliases"] = Array.Empty<string>(),
        ["properties"] = "{}", ["searchText"] = id, ["searchOverflow"] = null, ["searchOverflowed"] = null,
    };

    private Task<IReadOnlyList<CypherResult>> RunAsync(params CypherStatement[] statements) => _emulator.RunAsync(statements, Ct);

    [Fact]
    public void Every_catalog_statement_is_modelled_and_nothing_else()
    {
        Assert.Equal(CypherCatalog.All.Select(e => e.Text).Order(StringComparer.Ordinal), _emulator.Statements.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_statement_throws()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => RunAsync(new CypherStatement("MATCH (n) DETACH DELETE n")));
        await Assert.ThrowsAsync<NotSupportedException>(() => RunAsync(new CypherStatement(ReadCypher.AllNodes + " ")));
    }

    [Fact]
    public async Task A_missing_parameter_is_refused()
    {
        await Assert.ThrowsAsync<Neo4jClientException>(() => RunAsync(new CypherStatement(ReadCypher.NodesById)));
    }

    [Fact]
    public async Task A_failing_unit_of_work_changes_nothing()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _emulator.ExecuteWriteAsync<int>(async (tx, ct) =>
        {
            await tx.RunAsync([Statement(WriteCypher.UpsertNodes(NodeKind.Skill), ("rows", new[] { SkillRow("a") }))], ct);
            Assert.Single((await tx.RunAsync([Statement(ReadCypher.NodesById, ("ids", new[] { "a" }))], ct))[0].Rows);
            throw new InvalidOperationException("rolled back");
        }, Ct));

        Assert.Empty((await RunAsync(Statement(ReadCypher.NodesById, ("ids", new[] { "a" }))))[0].Rows);
        Assert.Equal(0, (await RunAsync(new CypherStatement(ReadCypher.Statistics)))[0].Rows[0][(int)NodeKind.Skill].GetInt32());
    }

    [Fact]
    public async Task Upserts_merge_on_id_relabel_and_remove_null_properties()
    {
        await RunAsync(Statement(WriteCypher.UpsertNodes(NodeKind.Skill), ("rows", new[] { SkillRow("a"), SkillRow("a", description: null) })));
        var row = SkillRow("a");
        row["kind"] = "Tool";
        await RunAsync(Statement(WriteCypher.UpsertNodes(NodeKind.Tool), ("rows", new[] { row })));

        var counts = (await RunAsync(new CypherStatement(ReadCypher.Statistics)))[0].Rows[0];
        Assert.Equal(0, counts[(int)NodeKind.Skill].GetInt32());
        Assert.Equal(1, counts[(int)NodeKind.Tool].GetInt32());

        await RunAsync(Statement(WriteCypher.UpsertNodes(NodeKind.Tool), ("rows", new[] { SkillRow("a", description: null) })));
        var node = (await RunAsync(Statement(ReadCypher.NodesById, ("ids", new[] { "a" }))))[0].Rows.Single()[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, node.GetProperty("description").ValueKind);
    }

    [Fact]
    public async Task Link_weights_are_stored_as_floats_and_sent_with_a_fraction()
    {
        await RunAsync(Statement(WriteCypher.UpsertNodes(NodeKind.Skill), ("rows", new[] { SkillRow("a"), SkillRow("b") })));
        var link = new Dictionary<string, object?>(StringComparer.Ordinal) { ["fromId"] = "a", ["toId"] = "b", ["importance"] = 1.0, ["level"] = null };
        await RunAsync(Statement(WriteCypher.UpsertLinks(RelationKind.RelatedTo), ("rows", new[] { link, link })));

        var rows = (await RunAsync(new CypherStatement(ReadCypher.AllLinks)))[0].Rows;
        var only = Assert.Single(rows);
        Assert.Equal("1.0", only[3].GetRawText());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, only[4].ValueKind);
    }

    [Fact]
    public async Task A_path_step_returns_every_link_at_each_node_in_either_direction_with_its_direction()
    {
        await RunAsync(Statement(WriteCypher.UpsertNodes(NodeKind.Skill), ("rows", new[] { SkillRow("a"), SkillRow("b"), SkillRow("c") })));
        Dictionary<string, object?> Link(string from, string to) => new(StringComparer.Ordinal) { ["fromId"] = from, ["toId"] = to, ["importance"] = null, ["level"] = null };
        await RunAsync(
            Statement(WriteCypher.UpsertLinks(RelationKind.RelatedTo), ("rows", new[] { Link("a", "b") })),
            Statement(WriteCypher.UpsertLinks(RelationKind.Supports), ("rows", new[] { Link("c", "a") })));

        async Task<string[]> StepAsync(string[]? types)
        {
            (string, object?)[] parameters = types is null ? [("ids", new[] { "a" })] : [("ids", new[] { "a" }), ("types", types)];
            var result = await RunAsync(Statement(ReadCypher.PathStep(types is not null), parameters));
            return result[0].Rows.Select(r => $"{r[0].GetString()} {(r[3].GetBoolean() ? "-" : "<-")}{r[2].GetString()}{(r[3].GetBoolean() ? "->" : "-")} {r[1].GetString()}")
                .Order(StringComparer.Ordinal).ToArray();
        }

        Assert.Equal(["a -RELATED_TO-> b", "a <-SUPPORTS- c"], await StepAsync(null));
        Assert.Equal(["a <-SUPPORTS- c"], await StepAsync(["SUPPORTS"]));
    }
}
