namespace RoleGraph.Tests.Contract;

/// <summary>
/// The store contract for the Neo4j store: against NEO4J_URI, or a Testcontainers Neo4j where Docker is reachable;
/// skipped, with the reason, where neither is (<see cref="Neo4jContractFixture"/>).
/// </summary>
[TestMethodOrderer(typeof(ContractTestOrderer))]
[TestCaseOrderer(typeof(ContractTestOrderer))]
public sealed class Neo4jStoreContractTests(Neo4jContractFixture fixture)
    : GraphStoreContract<Neo4jContractFixture>(fixture), IClassFixture<Neo4jContractFixture>;
