using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Embedded;
using RoleGraph.Tests.Taxonomy;

namespace RoleGraph.Tests.Embedded;

public sealed class EmbeddedStoreDataFileErrorTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    private static EmbeddedGraphStore Store(string path) => new(new GraphDataFile(path), NullLogger<EmbeddedGraphStore>.Instance);

    [Theory]
    [InlineData("{ \"formatVersion\": 1, \"taxonomy\": ")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{ \"formatVersion\": 2, \"taxonomy\": { \"name\": \"x\" } }")]
    [InlineData("{ \"formatVersion\": 1, \"taxonomy\": { \"name\": \"x\" }, \"links\": [ { \"from\": \"a\", \"to\": \"b\", \"relation\": \"REQUIRES\" } ] }")]
    [InlineData("{ \"formatVersion\": 1, \"taxonomy\": { \"name\": \"x\" }, \"extra\": true }")]
    public async Task A_corrupt_data_file_fails_initialization_naming_the_file(string content)
    {
        var path = _directory.Write("data.json", content);
        using var store = Store(path);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Snapshot.NodeCount);
    }

    [Fact]
    public async Task A_binary_data_file_fails_initialization_naming_the_file()
    {
        var path = _directory.Combine("data.json");
        await File.WriteAllBytesAsync(path, [0x00, 0x01, 0x02, 0x80, 0xFF, 0x7B], _ct);
        using var store = Store(path);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(_ct));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_data_file_fails_initialization_naming_the_file()
    {
        // Held open without sharing, the file cannot be read (the tests may run as root, so permissions would not do).
        var path = _directory.Write("data.json", "{}");
        await using var held = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        using var store = Store(path);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.InitializeAsync(_ct));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_data_file_is_an_empty_graph_and_is_not_created_by_opening()
    {
        var path = _directory.Combine("data.json");
        using var store = Store(path);

        await store.InitializeAsync(_ct);

        Assert.Equal(0, store.Snapshot.NodeCount);
        Assert.False(File.Exists(path));
    }
}
