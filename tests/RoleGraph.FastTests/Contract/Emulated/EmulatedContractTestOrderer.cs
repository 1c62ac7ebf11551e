using Xunit.Sdk;
using Xunit.v3;

namespace RoleGraph.Tests.Contract.Emulated;

/// <summary>The contract's method order (<see cref="ContractTestOrderer"/>), with the coverage test last.</summary>
public sealed class EmulatedContractTestOrderer : ITestMethodOrderer
{
    private readonly ContractTestOrderer _contract = new();

    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : notnull, ITestMethod =>
        _contract.OrderTestMethods(testMethods)
            .OrderBy(m => m?.MethodName == EmulatedNeo4jStoreContract<QueryApiEmulatedNeo4jContractFixture>.CoverageTestName)
            .ToArray();
}
