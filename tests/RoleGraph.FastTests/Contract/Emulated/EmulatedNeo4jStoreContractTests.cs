using RoleGraph.Core.Model;
using RoleGraph.Neo4j.Cypher;

namespace RoleGraph.Tests.Contract.Emulated;

/// <summary>
/// The store contract for the Neo4j store's own code, run against <see cref="CatalogNeo4jEmulator"/>, an in-memory
/// emulator of the Cypher semantics of exactly the catalog's statements. What it checks: the real
/// <see cref="RoleGraph.Neo4j.Store.Neo4jGraphStore"/> (which statements it sends with which parameters, how it
/// reads rows back, the subgraphs it builds for reads, write planning and batching, ordering, atomic writes)
/// answers every contract test as the embedded store does, given a server that runs those statements as their
/// Cypher says. What it does not check: that a real Neo4j runs the statements as the emulator models them; the
/// emulator is a hand-written reading of that Cypher, so the statements' Cypher semantics against a real server are
/// checked only by the Cypher lint and by <see cref="Neo4jStoreContractTests"/> where a Neo4j is reachable.
/// </summary>
/// <remarks>It runs once per wire format (<see cref="EmulatedNeo4jStoreContractTests"/> over the Query API,
/// <see cref="EmulatedNeo4jHttpApiStoreContractTests"/> over the HTTP API), with the same contract unchanged.</remarks>
public abstract class EmulatedNeo4jStoreContract<TFixture> : GraphStoreContract<TFixture>
    where TFixture : EmulatedNeo4jContractFixture
{
    /// <summary>
    /// Catalog statements the contract suite is not expected to send, each for a reason; every other statement must
    /// have been run by the time the coverage test (ordered last) runs.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> NotSentBySuite = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ReadCypher.Ping] = "a readiness probe of the host, not of the store",
        [ReadCypher.KindWithLinks(NodeKind.Role)] = "role lists filtered by links read every role with its items (the role content similarity reads too)",
    };

    private readonly TFixture _fixture;

    protected EmulatedNeo4jStoreContract(TFixture fixture)
        : base(fixture)
    {
        _fixture = fixture;
        if (TestContext.Current.TestMethod?.MethodName is { } name)
        {
            fixture.TestsRun[name] = true;
        }
    }

    /// <summary>The name the orderer puts last.</summary>
    public const string CoverageTestName = nameof(Every_catalog_statement_the_suite_needs_was_sent_to_the_emulator);

    [Fact]
    public void Every_catalog_statement_the_suite_needs_was_sent_to_the_emulator()
    {
        var contractTests = typeof(GraphStoreContract<TFixture>).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0 && m.Name != CoverageTestName)
            .Select(m => m.Name)
            .ToArray();
        var notRun = contractTests.Where(name => !_fixture.TestsRun.ContainsKey(name)).ToArray();
        Assert.SkipWhen(notRun.Length > 0, $"Coverage needs the whole class; {notRun.Length} contract tests did not run before this one.");

        var calls = _fixture.Calls;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(
            Environment.NewLine, CypherCatalog.All.Select(e => $"{calls.GetValueOrDefault(e.Text),7}  {e.Name}")));

        var unsent = CypherCatalog.All
            .Where(e => !calls.ContainsKey(e.Text) && !NotSentBySuite.ContainsKey(e.Text))
            .Select(e => e.Name)
            .ToArray();
        Assert.True(unsent.Length == 0, "Catalog statements the contract suite never sent: " + string.Join(", ", unsent));
        Assert.Equal(0, _fixture.RequestsWithoutAffinity);
        var allowedButSent = NotSentBySuite.Keys.Where(calls.ContainsKey).ToArray();
        Assert.True(allowedButSent.Length == 0, "Statements listed as not sent were sent; drop them from the list: " + string.Join(" | ", allowedButSent));
        Assert.True(calls.Keys.All(CypherCatalog.All.Select(e => e.Text).Contains), "A statement outside the catalog reached the emulator.");
    }
}

/// <summary>The emulated contract over the Query API.</summary>
[TestMethodOrderer(typeof(EmulatedContractTestOrderer))]
[TestCaseOrderer(typeof(ContractTestOrderer))]
public sealed class EmulatedNeo4jStoreContractTests(QueryApiEmulatedNeo4jContractFixture fixture)
    : EmulatedNeo4jStoreContract<QueryApiEmulatedNeo4jContractFixture>(fixture), IClassFixture<QueryApiEmulatedNeo4jContractFixture>;

/// <summary>The emulated contract over the transactional HTTP API.</summary>
[TestMethodOrderer(typeof(EmulatedContractTestOrderer))]
[TestCaseOrderer(typeof(ContractTestOrderer))]
public sealed class EmulatedNeo4jHttpApiStoreContractTests(HttpApiEmulatedNeo4jContractFixture fixture)
    : EmulatedNeo4jStoreContract<HttpApiEmulatedNeo4jContractFixture>(fixture), IClassFixture<HttpApiEmulatedNeo4jContractFixture>;
