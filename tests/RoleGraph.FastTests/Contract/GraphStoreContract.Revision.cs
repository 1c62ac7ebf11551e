using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// The revision HTTP caching tags read answers with: it moves with every write that changes the graph and stays
/// through everything else (dry runs, writes that change nothing, refused writes, reads).
/// </summary>
public abstract partial class GraphStoreContract<TFixture>
{
    [Fact]
    [Trait(ContractTestOrderer.Trait, ContractTestOrderer.Write)]
    public async Task The_revision_changes_with_every_changing_write_and_only_then()
    {
        var s = await WriteAsync(ContractDataset.Seed);
        var edit = new GraphEdit { UpsertNodes = [NewNode("rust", NodeKind.Skill, "Rust")] };

        var seeded = await s.Store.GetRevisionAsync(Ct);
        await ApplyBothAsync(s, edit, dryRun: true);
        Assert.Equal(seeded, await s.Store.GetRevisionAsync(Ct));

        await ApplyBothAsync(s, edit);
        var created = await s.Store.GetRevisionAsync(Ct);
        Assert.NotEqual(seeded, created);

        await ApplyBothAsync(s, edit);
        await RefuseBothAsync(s, new GraphEdit { DeleteNodes = ["no-such-node"] });
        await s.Store.GetStatisticsAsync(Ct);
        Assert.Equal(created, await s.Store.GetRevisionAsync(Ct));

        await ApplyBothAsync(s, new GraphEdit { UpsertNodes = [NewNode("rust", NodeKind.Skill, "Rust", "Systems programming.")] });
        var updated = await s.Store.GetRevisionAsync(Ct);
        Assert.NotEqual(created, updated);
        Assert.NotEqual(seeded, updated);
    }
}
