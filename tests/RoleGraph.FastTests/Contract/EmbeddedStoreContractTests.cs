namespace RoleGraph.Tests.Contract;

/// <summary>The store contract for the embedded store, in memory. Always runs.</summary>
[TestMethodOrderer(typeof(ContractTestOrderer))]
[TestCaseOrderer(typeof(ContractTestOrderer))]
public sealed class EmbeddedStoreContractTests(EmbeddedContractFixture fixture)
    : GraphStoreContract<EmbeddedContractFixture>(fixture), IClassFixture<EmbeddedContractFixture>;
