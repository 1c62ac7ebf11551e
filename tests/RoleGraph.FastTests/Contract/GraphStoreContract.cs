using RoleGraph.Core.Editing;
using RoleGraph.Embedded;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// The store contract: what <see cref="IGraphStore"/> promises, tested the same way for every store. Each test
/// asserts two things about the store under test: that it answers exactly as a reference embedded store loaded
/// with the same dataset does (every field, order included; <see cref="Show"/>), and that the answer holds facts
/// known without any store: the article's facts for the seed, the generator's for the generated graph, and what
/// <see cref="DatasetModel"/> computes plainly from the dataset. The second kind keeps the test meaningful for the
/// embedded store itself, which would trivially agree with its own reference.
/// </summary>
/// <remarks>
/// Reading tests share the fixture's loaded stores; writing tests (trait Contract=Write) get stores of their own, and
/// a fresh reference store that receives the same edits.
/// </remarks>
public abstract partial class GraphStoreContract<TFixture>(TFixture fixture) : IDisposable
    where TFixture : ContractStoreFixture
{
    private readonly List<EmbeddedGraphStore> _references = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var reference in _references)
        {
            reference.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private void SkipUnlessAvailable() => Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");

    private async Task<Subject> ReadAsync(ContractDataset dataset)
    {
        SkipUnlessAvailable();
        var store = await fixture.ReadStoreAsync(dataset, Ct);
        return new Subject(store, await ReferenceStores.SharedAsync(dataset), ContractDatasets.Model(dataset));
    }

    private async Task<Subject> WriteAsync(ContractDataset? dataset)
    {
        SkipUnlessAvailable();
        var store = await fixture.WriteStoreAsync(dataset, Ct);
        var reference = await ReferenceStores.CreateAsync(dataset, Ct);
        _references.Add(reference);
        return new Subject(store, reference, ContractDatasets.Model(dataset ?? ContractDataset.Seed));
    }

    /// <summary>The store under test, the reference holding the same graph, and what is known of the dataset.</summary>
    private sealed record Subject(IGraphStore Store, IGraphStore Reference, DatasetModel Model);

    /// <summary>Equal line lists, with the first difference and its surroundings in the message.</summary>
    private static void Same(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string what)
    {
        var at = 0;
        while (at < expected.Count && at < actual.Count && expected[at] == actual[at])
        {
            at++;
        }

        if (at == expected.Count && at == actual.Count)
        {
            return;
        }

        static string Around(IReadOnlyList<string> lines, int at) =>
            string.Join(Environment.NewLine, Enumerable.Range(Math.Max(0, at - 2), Math.Min(lines.Count, at + 3) - Math.Max(0, at - 2))
                .Select(i => $"{(i == at ? ">" : " ")} {i,5}: {lines[i]}"));

        Assert.Fail(
            $"{what}: {expected.Count} lines expected, {actual.Count} given, first difference at line {at}." + Environment.NewLine +
            "expected:" + Environment.NewLine + Around(expected, at) + Environment.NewLine +
            "actual:" + Environment.NewLine + Around(actual, at));
    }

    private static void Same(string expected, string actual, string what) => Same([expected], [actual], what);

    /// <summary>
    /// Both stores hold the same graph: statistics, the export, and the nodes and their links seen from both ends,
    /// of every node or, on a large graph, of the ones given.
    /// </summary>
    private static async Task AssertSameGraphAsync(Subject s, string when, IEnumerable<string>? only = null)
    {
        Same(Show.Statistics(await s.Reference.GetStatisticsAsync(Ct)), Show.Statistics(await s.Store.GetStatisticsAsync(Ct)), $"statistics {when}");
        var expected = await s.Reference.ExportAsync(Ct);
        Same(Show.Document(expected), Show.Document(await s.Store.ExportAsync(Ct)), $"export {when}");

        var ids = (only ?? expected.Nodes.Select(n => n.Id)).Append("no-such-node").ToArray();
        Same(Show.NodeMap(await s.Reference.GetNodesAsync(ids, Ct)), Show.NodeMap(await s.Store.GetNodesAsync(ids, Ct)), $"nodes {when}");
        foreach (var relation in Enum.GetValues<RelationKind>())
        {
            foreach (var direction in Enum.GetValues<LinkDirection>())
            {
                Same(
                    Show.Linked(await s.Reference.Queries().GetLinkedAsync(ids, relation, direction, Ct)),
                    Show.Linked(await s.Store.Queries().GetLinkedAsync(ids, relation, direction, Ct)),
                    $"{relation} {direction} {when}");
            }
        }
    }

    private static async Task<EditReport> ApplyBothAsync(Subject s, GraphEdit edit, bool dryRun = false)
    {
        var expected = await s.Reference.ApplyAsync(edit, dryRun, Ct);
        var actual = await s.Store.ApplyAsync(edit, dryRun, Ct);
        Same(Show.Report(expected), Show.Report(actual), "edit report");
        return actual;
    }

    private static async Task<GraphEditException> RefuseBothAsync(Subject s, GraphEdit edit, bool dryRun = false)
    {
        var expected = await Assert.ThrowsAsync<GraphEditException>(() => s.Reference.ApplyAsync(edit, dryRun, Ct));
        var actual = await Assert.ThrowsAsync<GraphEditException>(() => s.Store.ApplyAsync(edit, dryRun, Ct));
        Same(Show.Problems(expected), Show.Problems(actual), "problems of the refused edit");
        return actual;
    }
}
