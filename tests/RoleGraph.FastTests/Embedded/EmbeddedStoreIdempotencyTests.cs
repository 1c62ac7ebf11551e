using RoleGraph.Core.Editing;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Embedded;

/// <summary>Imports are idempotent, and a replace import deletes exactly what the new document lacks.</summary>
public sealed class EmbeddedStoreIdempotencyTests : IDisposable
{
    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(ImportMode.Merge)]
    [InlineData(ImportMode.Replace)]
    public async Task Importing_the_seed_a_second_time_changes_nothing(ImportMode mode)
    {
        var seed = TestDocuments.Seed();
        using var store = await _data.OpenAsync();

        var first = await store.ApplyAsync(GraphEdit.Import(seed, mode), dryRun: false, _ct);
        var journal = _data.JournalBytes();
        var second = await store.ApplyAsync(GraphEdit.Import(seed, mode), dryRun: false, _ct);

        Assert.Equal(new ChangeCounts(seed.Nodes.Count, 0, 0, 0), first.Nodes);
        Assert.Equal(new ChangeCounts(seed.Links.Count, 0, 0, 0), first.Links);
        Assert.Equal(new ChangeCounts(0, 0, seed.Nodes.Count, 0), second.Nodes);
        Assert.Equal(new ChangeCounts(0, 0, seed.Links.Count, 0), second.Links);
        Assert.False(second.Changed);
        Assert.Equal(journal, _data.JournalBytes());
        Assert.Equal(StoreDirectory.Dump(seed), await StoreDirectory.DumpAsync(store));
    }

    [Fact]
    public async Task Replacing_with_a_smaller_document_deletes_exactly_what_it_lacks()
    {
        var seed = TestDocuments.Seed();
        var dropped = seed.Nodes.Where(n => n.Kind == Core.Model.NodeKind.Tool).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var keptLinks = seed.Links.Where(l => !dropped.Contains(l.FromId) && !dropped.Contains(l.ToId)).ToList();
        var alsoDropped = keptLinks[0];
        keptLinks.RemoveAt(0);
        var updated = seed.Nodes.First(n => !dropped.Contains(n.Id));
        var smaller = seed with
        {
            Nodes = [.. seed.Nodes.Where(n => !dropped.Contains(n.Id)).Select(n => n == updated ? n with { Name = n.Name + " (renamed)" } : n)],
            Links = keptLinks,
            Sources = [new TaxonomyHeader("Smaller")],
        };
        Assert.NotEmpty(dropped);
        Assert.Contains(seed.Links, l => dropped.Contains(l.FromId) || dropped.Contains(l.ToId));

        string[] expected;
        using (var store = await _data.OpenAsync())
        {
            await store.ApplyAsync(GraphEdit.Import(seed, ImportMode.Merge), dryRun: false, _ct);

            var report = await store.ApplyAsync(GraphEdit.Import(smaller, ImportMode.Replace), dryRun: false, _ct);

            Assert.Equal(new ChangeCounts(0, 1, smaller.Nodes.Count - 1, dropped.Count), report.Nodes);
            Assert.Equal(new ChangeCounts(0, 0, keptLinks.Count, seed.Links.Count - keptLinks.Count), report.Links);
            Assert.Null(store.Snapshot.Find(dropped.First()));
            Assert.DoesNotContain(store.Snapshot.Links, l => l == alsoDropped);
            expected = await StoreDirectory.DumpAsync(store);
            Assert.Equal(StoreDirectory.Dump(smaller), expected);
        }

        using var reader = await _data.OpenAsync();
        Assert.Equal(expected, await StoreDirectory.DumpAsync(reader));
    }

    [Fact]
    public async Task Merging_a_smaller_document_deletes_nothing()
    {
        var seed = TestDocuments.Seed();
        var smaller = seed with { Nodes = seed.Nodes.Take(3).ToArray(), Links = [] };
        using var store = await _data.OpenAsync();
        await store.ApplyAsync(GraphEdit.Import(seed, ImportMode.Merge), dryRun: false, _ct);

        var report = await store.ApplyAsync(GraphEdit.Import(smaller, ImportMode.Merge), dryRun: false, _ct);

        Assert.Equal(new ChangeCounts(0, 0, 3, 0), report.Nodes);
        Assert.Equal(ChangeCounts.None, report.Links);
        Assert.Equal(StoreDirectory.Dump(seed), await StoreDirectory.DumpAsync(store));
    }
}
