using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// Orders a contract class's tests so that a store holding one graph at a time (Neo4j) reloads its dataset rarely.
/// xunit v3 orders the methods of a class, then the cases of each method. Methods: those reading the seed only, then
/// those reading both datasets, then those reading the generated graph only, then the writers (each loads its own
/// graph anyway); by name within each stage. Cases of a method reading both datasets alternate from one method to the
/// next, seed first then generated first, so consecutive methods meet on the dataset already loaded.
/// </summary>
public sealed class ContractTestOrderer : ITestMethodOrderer, ITestCaseOrderer
{
    public const string Trait = "Contract";
    public const string Write = "Write";

    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : notnull, ITestMethod =>
        testMethods
            .OrderBy(m => m is IXunitTestMethod x ? Stage(x.Method) : 0)
            .ThenBy(m => m?.MethodName, StringComparer.Ordinal)
            .ToArray();

    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase
    {
        var generatedFirst = testCases.FirstOrDefault() is IXunitTestCase first && GeneratedFirst(first.TestMethod.Method);
        return testCases
            .OrderBy(t => t.TestCaseDisplayName.Contains($"{nameof(ContractDataset.Generated)}", StringComparison.Ordinal) != generatedFirst)
            .ThenBy(t => t.TestCaseDisplayName, StringComparer.Ordinal)
            .ToArray();
    }

    private static bool IsWrite(MethodInfo method) =>
        method.GetCustomAttributes<TraitAttribute>().Any(t => t.Name == Trait && t.Value == Write);

    private static bool ReadsBoth(MethodInfo method) => method.GetParameters().Any(p => p.ParameterType == typeof(ContractDataset));

    private static int Stage(MethodInfo method) =>
        IsWrite(method) ? 3
        : ReadsBoth(method) ? 1
        : method.Name.Contains(nameof(ContractDataset.Generated), StringComparison.Ordinal) ? 2
        : 0;

    /// <summary>Whether this method comes at an odd place among the class's readers of both datasets.</summary>
    private static bool GeneratedFirst(MethodInfo method)
    {
        if (IsWrite(method) || !ReadsBoth(method))
        {
            return false;
        }

        var readers = method.ReflectedType!.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any() && Stage(m) == 1)
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return readers.IndexOf(method.Name) % 2 == 1;
    }
}
