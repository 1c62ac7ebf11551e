using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Embedded;

/// <summary>One store at a time: the data file is locked from opening until dispose.</summary>
public sealed class EmbeddedStoreLockTests : IDisposable
{
    private readonly StoreDirectory _data = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _data.Dispose();

    private static GraphEdit AddSkill(string id) => new() { UpsertNodes = [new GraphNode(id, NodeKind.Skill, id, null, [], GraphNode.NoProperties)] };

    [Fact]
    public async Task A_second_store_on_the_same_path_is_refused_until_the_first_is_disposed()
    {
        var first = await _data.OpenAsync();
        try
        {
            await first.ApplyAsync(AddSkill("s1"), dryRun: false, _ct);

            using (var second = _data.Create())
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.InitializeAsync(_ct));

                Assert.Contains(_data.DataPath, error.Message, StringComparison.Ordinal);
                Assert.Contains("in use", error.Message, StringComparison.Ordinal);
                Assert.IsAssignableFrom<IOException>(error.InnerException);
                Assert.Equal(0, second.Snapshot.NodeCount);
            }

            // The refused store touched nothing: the first one goes on writing.
            await first.ApplyAsync(AddSkill("s2"), dryRun: false, _ct);
        }
        finally
        {
            first.Dispose();
        }

        using var third = await _data.OpenAsync();
        Assert.Equal(["s1", "s2"], third.Snapshot.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal([1L, 2L], _data.JournalRevisions());
    }

    [Fact]
    public async Task Stores_on_different_paths_in_one_directory_do_not_block_each_other()
    {
        using var first = await _data.OpenAsync();
        using var other = new RoleGraph.Embedded.EmbeddedGraphStore(
            new RoleGraph.Embedded.GraphDataFile(_data.Directory.Combine("other.json")),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RoleGraph.Embedded.EmbeddedGraphStore>.Instance);

        await other.InitializeAsync(_ct);
        await first.ApplyAsync(AddSkill("s1"), dryRun: false, _ct);
        await other.ApplyAsync(AddSkill("s2"), dryRun: false, _ct);

        Assert.Null(other.Snapshot.Find("s1"));
        Assert.Null(first.Snapshot.Find("s2"));
    }
}
