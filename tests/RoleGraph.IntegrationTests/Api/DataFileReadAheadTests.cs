using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Api.Hosting;
using RoleGraph.Embedded;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>
/// The service starts reading its data file before its host is built (<see cref="DataFileReadAhead"/>), from the
/// settings that name it, and again once the host's configuration is known if that names another file; the store
/// opens the file already read when it is the one configured. The restarted service answers from it, and a read
/// that was not taken, or a path that is not the configured one, changes nothing.
/// </summary>
public sealed class DataFileReadAheadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rolegraph-readahead-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    [Fact]
    public async Task A_restarted_service_opens_the_data_file_it_began_reading_before_its_host_was_built()
    {
        string before;
        using (var first = new RoleGraphApiFactory { DataDirectory = _directory })
        {
            before = (await first.GraphQL().QueryAsync("{ skills(first: 100) { totalCount nodes { id } } }")).ToJsonString();
        }

        using var second = new RoleGraphApiFactory { DataDirectory = _directory };
        second.Settings["RoleGraph:Seed:LoadWhenEmpty"] = "false";
        var after = (await second.GraphQL().QueryAsync("{ skills(first: 100) { totalCount nodes { id } } }")).ToJsonString();

        Assert.Equal(before, after);
        Assert.True(second.Services.GetRequiredService<DataFileReadAhead>().Taken);
        Assert.True(second.Services.GetRequiredService<EmbeddedGraphStore>().OpenedPrebuiltGraph);
    }

    [Fact]
    public void Only_the_embedded_store_with_a_data_file_is_read_ahead()
    {
        Assert.Null(DataFileReadAhead.Begin(Configuration(("RoleGraph:Store", "Neo4j"))));
        Assert.Null(DataFileReadAhead.Begin(Configuration(("RoleGraph:Embedded:DataFile", ""))));
        Assert.NotNull(DataFileReadAhead.Begin(Configuration(("RoleGraph:Embedded:DataFile", Path.Combine(_directory, "a.json")))));
    }

    [Fact]
    public async Task Reading_ahead_a_file_not_there_yet_creates_nothing_and_the_store_then_creates_it_as_usual()
    {
        var path = Path.Combine(_directory, "later", "rolegraph.json");
        var readAhead = DataFileReadAhead.Begin(Configuration(("RoleGraph:Embedded:DataFile", path)))!;
        var file = readAhead.Take(path);

        Assert.NotNull(file);
        Assert.Null(await file.BeginReading());
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));

        using var store = new EmbeddedGraphStore(file, Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddedGraphStore>.Instance);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        Assert.True(File.Exists(path + ".lock"));
    }

    [Fact]
    public void The_read_begun_before_the_host_is_kept_when_the_host_names_the_same_file_and_replaced_when_it_names_another()
    {
        var path = Path.Combine(_directory, "rolegraph.json");
        var begun = DataFileReadAhead.Begin(DataFileReadAhead.SettingsBeforeHost([$"--RoleGraph:Embedded:DataFile={path}"]))!;

        Assert.Same(begun, DataFileReadAhead.Begin(Configuration(("RoleGraph:Embedded:DataFile", path)), begun));

        var other = Path.Combine(_directory, "other.json");
        var replaced = DataFileReadAhead.Begin(Configuration(("RoleGraph:Embedded:DataFile", other)), begun)!;
        Assert.NotSame(begun, replaced);
        Assert.Equal(other, replaced.Take(other)?.Path);
        Assert.Null(DataFileReadAhead.Begin(Configuration(("RoleGraph:Store", "Neo4j")), begun));
    }

    [Fact]
    public void The_settings_before_the_host_are_the_shipped_appsettings_under_the_command_line()
    {
        Assert.Equal("data/rolegraph.json", DataFileReadAhead.SettingsBeforeHost([])["RoleGraph:Embedded:DataFile"]);
        Assert.Equal("/elsewhere/g.json", DataFileReadAhead.SettingsBeforeHost(["--RoleGraph:Embedded:DataFile", "/elsewhere/g.json"])["RoleGraph:Embedded:DataFile"]);
        Assert.Equal("Neo4j", DataFileReadAhead.SettingsBeforeHost(["--RoleGraph:Store=Neo4j"])["RoleGraph:Store"]);
    }

    [Fact]
    public void The_file_is_taken_once_and_only_for_the_path_it_reads()
    {
        var path = Path.Combine(_directory, "rolegraph.json");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);

        var readAhead = DataFileReadAhead.Begin(Configuration(("RoleGraph:Embedded:DataFile", relative)))!;
        Assert.Equal(path, readAhead.Take(path)?.Path);
        Assert.Null(readAhead.Take(path));
        Assert.True(readAhead.Taken);

        // A host configured again after the read began (as tests do) opens its own file, and no read-ahead.
        var other = DataFileReadAhead.Begin(Configuration(("RoleGraph:Embedded:DataFile", path)))!;
        Assert.Null(other.Take(Path.Combine(_directory, "other.json")));
        Assert.False(other.Taken);
        Assert.Null(other.Take(path));
    }
}
