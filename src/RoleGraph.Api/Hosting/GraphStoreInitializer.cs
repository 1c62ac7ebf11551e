using RoleGraph.Core.Editing;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// Opens the store and, when it holds nothing, loads the seed taxonomy. Hosted services start before the
/// server listens, so the first request already sees a seeded graph.
/// </summary>
public sealed partial class GraphStoreInitializer(IGraphStore store, IOptions<SeedOptions> seedOptions, ILogger<GraphStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var statistics = await store.GetStatisticsAsync(cancellationToken);
        var seed = seedOptions.Value;
        if (statistics.Nodes > 0 || !seed.LoadWhenEmpty)
        {
            LogReady(logger, statistics.Nodes, statistics.Links);
            return;
        }

        var directory = Path.Combine(AppContext.BaseDirectory, seed.Path);
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"The store is empty and the seed directory {directory} does not exist (RoleGraph:Seed:Path).");
        }

        var started = Stopwatch.StartNew();
        var document = TaxonomyReader.ReadDirectory(directory);
        await store.ApplyAsync(GraphEdit.Import(document, ImportMode.Replace), dryRun: false, cancellationToken);
        LogSeeded(logger, document.Nodes.Count, document.Links.Count, directory, started.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph store ready: {Nodes} nodes, {Links} links")]
    private static partial void LogReady(ILogger logger, int nodes, int links);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the empty store with {Nodes} nodes and {Links} links from {Directory} in {Milliseconds} ms")]
    private static partial void LogSeeded(ILogger logger, int nodes, int links, string directory, long milliseconds);
}
