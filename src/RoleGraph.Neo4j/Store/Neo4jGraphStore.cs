using System.Text.Json;
using Microsoft.Extensions.Logging;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Cypher;

namespace RoleGraph.Neo4j.Store;

/// <summary>
/// The graph in Neo4j. Cypher selects what an operation needs in one round trip (children batched with UNWIND,
/// never a query per row); ranking, ordering and paging then run through the same algorithm code as the embedded
/// store, over that part of the graph, so both stores give the same answers in the same order. Writes are planned
/// against the graph inside one explicit transaction that holds the graph's write lock, and applied with batched
/// UNWIND statements in that transaction: all of a write or none of it.
/// </summary>
public sealed partial class Neo4jGraphStore(INeo4jClient client, ILogger<Neo4jGraphStore> logger) : IGraphStore
{
    /// <summary>Rows per UNWIND statement: large enough to keep round trips few, small enough to keep requests modest.</summary>
    internal const int BatchSize = 5000;

    private const string MetaKey = "graph";
    private const int StatementsPerRequest = 4;

    /// <summary>Below the default request timeout (30 s): a slower index build fails the start, which then retries.</summary>
    private const int IndexWaitSeconds = 20;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Schema commands cannot share a transaction with data writes; each is idempotent, so every start runs them.
        foreach (var statement in SchemaCypher.Setup)
        {
            await client.RunAsync([new CypherStatement(statement)], cancellationToken);
        }

        await client.RunAsync([Statement(SchemaCypher.AwaitIndexes, ("timeoutSeconds", IndexWaitSeconds))], cancellationToken);
        LogSchemaReady(logger);
    }

    public async Task<GraphStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var kinds = Enum.GetValues<NodeKind>();
        var results = await client.RunAsync([new CypherStatement(ReadCypher.Statistics)], cancellationToken);
        var row = results[0].Rows[0];
        var byKind = kinds.ToDictionary(kind => kind, kind => row[(int)kind].GetInt32());
        return new GraphStatistics(byKind, row[kinds.Length].GetInt32());
    }

    public async Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, GraphNode>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        var results = await client.RunAsync([Statement(ReadCypher.NodesById, ("ids", ids))], cancellationToken);
        foreach (var row in results[0].Rows)
        {
            var node = StoredNode.Read(row[0]);
            found[node.Id] = node;
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<string, NodeKind>> GetKindsAsync(IReadOnlyCollection<string>? ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, NodeKind>(ids?.Count ?? 0, StringComparer.Ordinal);
        var statements = ids is null
            ? [new CypherStatement(ReadCypher.AllKinds)]
            : ids.Chunk(BatchSize).Select(batch => Statement(ReadCypher.KindsById, ("ids", batch)));
        foreach (var statement in statements)
        {
            var results = await client.RunAsync([statement], cancellationToken);
            foreach (var row in results[0].Rows)
            {
                found[row[0].GetString()!] = StoredNode.ParseKind(row[1].GetString());
            }
        }

        return found;
    }

    public async Task<NodePage> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken)
    {
        // Filter, order and window over ids and names only; then read just the page's nodes.
        var results = await client.RunAsync([new CypherStatement(ReadCypher.NamesOfKind(query.Kind))], cancellationToken);
        var filter = query.Filter?.Lowered();
        var matching = new List<(string Id, string NameLower)>(results[0].Rows.Count);
        foreach (var row in results[0].Rows)
        {
            var id = row[0].GetString()!;
            var nameLower = row[1].GetString()!.ToLowerInvariant();
            if (filter is null || filter.Matches(id.ToLowerInvariant(), nameLower))
            {
                matching.Add((id, nameLower));
            }
        }

        matching.Sort(NodeOrder.ForListing(query.Order));
        var (start, end) = query.Page.Resolve(matching.Count);
        var pageIds = matching.GetRange(start, end - start).Select(m => m.Id).ToArray();
        // A node deleted between the two reads is left out rather than failing the page.
        var nodes = await GetNodesAsync(pageIds, cancellationToken);
        return new NodePage(
            pageIds.Where(nodes.ContainsKey).Select(id => nodes[id]).ToArray(), start, matching.Count, HasPreviousPage: start > 0, HasNextPage: end < matching.Count);
    }

    public async ValueTask<GraphSnapshot> ReadAsync(GraphScope scope, CancellationToken cancellationToken) => scope switch
    {
        GraphScope.Linked linked => await LinkedGraphAsync(linked, cancellationToken),
        GraphScope.SearchCandidates search => await SearchGraphAsync(search, cancellationToken),
        GraphScope.RolesWithItems roles => await RolesWithItemsAsync(roles.RoleIds, cancellationToken),
        GraphScope.Paths paths => await PathGraphAsync(paths, cancellationToken),
        GraphScope.RoleContent => await RoleContentAsync(cancellationToken),
        GraphScope.KindWithLinks kind => await KindWithLinksAsync(kind, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "A scope this store does not read."),
    };

    private async Task<GraphSnapshot> LinkedGraphAsync(GraphScope.Linked scope, CancellationToken cancellationToken)
    {
        var graph = new Subgraph();
        var ids = scope.Ids.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return graph.ToSnapshot();
        }

        var results = await client.RunAsync([Statement(ReadCypher.Linked(scope.Relation, scope.Direction), ("ids", ids))], cancellationToken);
        var outgoing = scope.Direction == LinkDirection.Outgoing;
        foreach (var row in results[0].Rows)
        {
            var id = row[0].GetString()!;
            var node = StoredNode.Read(row[1]);
            graph.AddNode(node);
            // Only the adjacency of the asked nodes is read from this graph, so their kind here does not matter.
            graph.AddPlaceholder(id, NodeKind.Role);
            graph.AddLink(outgoing
                ? new GraphLink(id, node.Id, scope.Relation, StoredLink.Number(row[2]), StoredLink.Number(row[3]))
                : new GraphLink(node.Id, id, scope.Relation, StoredLink.Number(row[2]), StoredLink.Number(row[3])));
        }

        return graph.ToSnapshot();
    }

    private async Task<GraphSnapshot> KindWithLinksAsync(GraphScope.KindWithLinks scope, CancellationToken cancellationToken)
    {
        var results = await client.RunAsync(
            [Statement(ReadCypher.KindWithLinks(scope.Kind), ("types", scope.Relations.Select(CypherNames.Type).ToArray()))], cancellationToken);
        var graph = new Subgraph();
        foreach (var row in results[0].Rows)
        {
            graph.AddNode(StoredNode.Read(row[0]));
        }

        // Far ends after every whole node: a far end of the listed kind is listed whole, and a whole node wins.
        foreach (var row in results[0].Rows)
        {
            var id = row[0].GetProperty("id").GetString()!;
            AddNamedLinks(graph, id, row[1], outgoing: true);
            AddNamedLinks(graph, id, row[2], outgoing: false);
        }

        return graph.ToSnapshot();
    }

    /// <summary>Links as [m.id, m.kind, m.name, type(r), r.importance, r.level], with their far ends known by id, kind and name.</summary>
    private static void AddNamedLinks(Subgraph graph, string id, JsonElement links, bool outgoing)
    {
        foreach (var link in links.EnumerateArray())
        {
            var otherId = link[0].GetString()!;
            graph.AddFarEnd(otherId, StoredNode.ParseKind(link[1].GetString()), link[2].GetString() ?? "");
            var (from, to) = outgoing ? (id, otherId) : (otherId, id);
            graph.AddLink(new GraphLink(from, to, StoredLink.ParseType(link[3].GetString()), StoredLink.Number(link[4]), StoredLink.Number(link[5])));
        }
    }

    private async Task<GraphSnapshot> SearchGraphAsync(GraphScope.SearchCandidates scope, CancellationToken cancellationToken)
    {
        var kinds = scope.Kinds.Count == 0 ? Enum.GetValues<NodeKind>() : scope.Kinds;
        var kindNames = kinds.Select(k => k.ToString()).ToArray();
        var results = await client.RunAsync([Statement(ReadCypher.SearchCandidates, ("needle", scope.Text), ("kinds", kindNames))], cancellationToken);
        var candidates = new Subgraph();
        foreach (var row in results[0].Rows)
        {
            candidates.AddNode(StoredNode.Read(row[0]));
        }

        return candidates.ToSnapshot();
    }

    private async Task<GraphSnapshot> PathGraphAsync(GraphScope.Paths scope, CancellationToken cancellationToken)
    {
        var neighbourhood = await PathNeighbourhood.SearchAsync(client, scope, BatchSize, cancellationToken);
        var ids = neighbourhood.NodesOnPaths.Append(scope.FromId).Append(scope.ToId).Distinct(StringComparer.Ordinal).ToArray();
        var results = await client.RunAsync([Statement(ReadCypher.PathNodes, ("ids", ids))], cancellationToken);

        // The subgraph holds only the paths; how specific each node on them is needs the whole graph's counts.
        var graph = new Subgraph();
        var holders = new Dictionary<string, int>(StringComparer.Ordinal);
        var roles = 0;
        foreach (var row in results[0].Rows)
        {
            var node = StoredNode.Read(row[0]);
            graph.AddNode(node);
            roles = row[1].GetInt32();
            holders[node.Id] = row[2].GetInt32();
        }

        foreach (var link in neighbourhood.LinksOnPaths.Where(l => graph.Contains(l.FromId) && graph.Contains(l.ToId)))
        {
            graph.AddLink(link);
        }

        return graph.ToSnapshot(new WholeGraphCounts(roles, holders));
    }

    public async Task<EditReport> ApplyAsync(GraphEdit edit, bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            var (nodes, links) = await ReadForPlanAsync(client.RunAsync, edit, cancellationToken);
            return GraphEditPlanner.Plan(nodes, links, edit).Report(dryRun: true);
        }

        var report = await client.ExecuteWriteAsync(async (tx, ct) =>
        {
            var locked = await tx.RunLockingAsync(Statement(WriteCypher.Lock, ("key", MetaKey)), ct);
            var currentSources = ReadSources(locked[0].Rows[0][1]);

            var (nodes, links) = await ReadForPlanAsync(tx.RunAsync, edit, ct);
            var plan = GraphEditPlanner.Plan(nodes, links, edit);
            var sources = edit.SourcesAfter(currentSources);
            if (plan.Changes.IsEmpty && sources.SequenceEqual(currentSources))
            {
                return plan.Report(dryRun: false);
            }

            // Several batches per request: fewer round trips, requests of a few MB at most.
            foreach (var statements in ChangeStatements(plan.Changes).Chunk(StatementsPerRequest))
            {
                await tx.RunAsync(statements, ct);
            }

            await tx.RunAsync([Statement(WriteCypher.SetMeta, ("key", MetaKey), ("sources", JsonSerializer.Serialize(sources, StoreJsonContext.Default.IReadOnlyListTaxonomyHeader)))], ct);
            return plan.Report(dryRun: false);
        }, cancellationToken);
        if (report.Changed)
        {
            LogApplied(logger, report.Nodes, report.Links);
        }

        return report;
    }

    public async Task<TaxonomyDocument> ExportAsync(CancellationToken cancellationToken)
    {
        // Under the write lock: nodes, links and sources are separate statements, and Neo4j reads committed, so
        // without it a write committed between them could leave a link whose end is missing from the nodes.
        var (nodes, links, sources) = await client.ExecuteWriteAsync(
            async (tx, ct) =>
            {
                await tx.RunLockingAsync(Statement(WriteCypher.Lock, ("key", MetaKey)), ct);
                return await ReadAllAsync(tx.RunAsync, ct);
            },
            cancellationToken);

        // Neo4j returns relationships in storage order; the taxonomy order makes exports comparable between runs.
        return new TaxonomyDocument(sources, nodes, TaxonomyWriter.OrderedLinks(links).ToArray());
    }

    /// <summary>The meta node's revision, which every committed write increments in its own transaction; 0 before the first.</summary>
    public async ValueTask<long> GetRevisionAsync(CancellationToken cancellationToken)
    {
        var results = await client.RunAsync([Statement(ReadCypher.Revision, ("key", MetaKey))], cancellationToken);
        return results[0].Rows.Count == 0 || results[0].Rows[0][0].ValueKind != JsonValueKind.Number ? 0 : results[0].Rows[0][0].GetInt64();
    }

    private delegate Task<IReadOnlyList<CypherResult>> StatementRunner(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);

    /// <summary>
    /// What the planner must see: the whole graph for a replace, otherwise the nodes the edit names with all their
    /// links, and the far ends of those links as placeholders (the planner only needs them to exist).
    /// </summary>
    private static async Task<(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphLink> Links)> ReadForPlanAsync(
        StatementRunner run, GraphEdit edit, CancellationToken cancellationToken)
    {
        if (edit.ReplaceAll)
        {
            var (allNodes, allLinks, _) = await ReadAllAsync(run, cancellationToken);
            return (allNodes, allLinks);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        ids.UnionWith(edit.UpsertNodes.Select(n => n.Id));
        ids.UnionWith(edit.DeleteNodes);
        foreach (var link in edit.UpsertLinks)
        {
            ids.Add(link.FromId);
            ids.Add(link.ToId);
        }

        foreach (var key in edit.DeleteLinks)
        {
            ids.Add(key.FromId);
            ids.Add(key.ToId);
        }

        var graph = new Subgraph();
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var results = await run([Statement(ReadCypher.NodesWithLinks, ("ids", batch))], cancellationToken);
            foreach (var row in results[0].Rows)
            {
                var node = StoredNode.Read(row[0]);
                graph.AddNode(node);
                AddLinks(graph, node.Id, row[1], outgoing: true);
                AddLinks(graph, node.Id, row[2], outgoing: false);
            }
        }

        return (graph.Nodes.ToArray(), graph.Links.ToArray());
    }

    private static void AddLinks(Subgraph graph, string id, JsonElement links, bool outgoing)
    {
        foreach (var link in links.EnumerateArray())
        {
            var otherId = link[0].GetString()!;
            graph.AddPlaceholder(otherId, StoredNode.ParseKind(link[1].GetString()));
            var relation = StoredLink.ParseType(link[2].GetString());
            var (from, to) = outgoing ? (id, otherId) : (otherId, id);
            graph.AddLink(new GraphLink(from, to, relation, StoredLink.Number(link[3]), StoredLink.Number(link[4])));
        }
    }

    private static async Task<(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphLink> Links, IReadOnlyList<TaxonomyHeader> Sources)> ReadAllAsync(
        StatementRunner run, CancellationToken cancellationToken)
    {
        var results = await run(
            [new CypherStatement(ReadCypher.AllNodes), new CypherStatement(ReadCypher.AllLinks), Statement(ReadCypher.Sources, ("key", MetaKey))],
            cancellationToken);
        var nodes = results[0].Rows.Select(row => StoredNode.Read(row[0])).ToArray();
        var links = results[1].Rows
            .Select(row => new GraphLink(row[0].GetString()!, row[1].GetString()!, StoredLink.ParseType(row[2].GetString()), StoredLink.Number(row[3]), StoredLink.Number(row[4])))
            .ToArray();
        var sources = results[2].Rows.Count == 0 ? [] : ReadSources(results[2].Rows[0][0]);
        return (nodes, links, sources);
    }

    /// <summary>The change set as batched statements, in an order that never leaves a link without its ends.</summary>
    private static IEnumerable<CypherStatement> ChangeStatements(GraphChangeSet changes)
    {
        foreach (var group in changes.DeleteLinks.GroupBy(k => k.Relation))
        {
            foreach (var batch in group.Chunk(BatchSize))
            {
                yield return Statement(WriteCypher.DeleteLinks(group.Key), ("keys", batch.Select(StoredLink.ToRow).ToArray()));
            }
        }

        foreach (var batch in changes.DeleteNodes.Chunk(BatchSize))
        {
            yield return Statement(WriteCypher.DeleteNodes, ("ids", batch));
        }

        foreach (var group in changes.WriteNodes.GroupBy(n => n.Kind))
        {
            foreach (var batch in group.Chunk(BatchSize))
            {
                yield return Statement(WriteCypher.UpsertNodes(group.Key), ("rows", batch.Select(StoredNode.ToRow).ToArray()));
            }
        }

        foreach (var group in changes.WriteLinks.GroupBy(l => l.Relation))
        {
            foreach (var batch in group.Chunk(BatchSize))
            {
                yield return Statement(WriteCypher.UpsertLinks(group.Key), ("rows", batch.Select(StoredLink.ToRow).ToArray()));
            }
        }
    }

    private async Task<GraphSnapshot> RolesWithItemsAsync(IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken)
    {
        var results = await client.RunAsync([Statement(ReadCypher.RolesWithItems, ("ids", roleIds.Distinct(StringComparer.Ordinal).ToArray()))], cancellationToken);
        return RolesWithItems(results[0]);
    }

    /// <summary>
    /// Every role with its items: most of the graph on a large taxonomy, so it is kept and read again only when the
    /// graph's revision has moved; the similarity index built over it is kept with it (it is keyed by the snapshot).
    /// A re-read holds the write lock, so the revision and the roles it reads are one state of the graph: without
    /// it a write committing during the read could mix roles from before and after it under either revision.
    /// </summary>
    private async Task<GraphSnapshot> RoleContentAsync(CancellationToken cancellationToken)
    {
        var kept = _roleContent;
        if (kept is not null && kept.Revision == await GetRevisionAsync(cancellationToken))
        {
            return kept.Graph;
        }

        var (revision, result) = await client.ExecuteWriteAsync(
            async (tx, ct) =>
            {
                var locked = await tx.RunLockingAsync(Statement(WriteCypher.Lock, ("key", MetaKey)), ct);
                var roles = await tx.RunAsync([new CypherStatement(ReadCypher.AllRolesWithItems)], ct);
                return (locked[0].Rows[0][0].GetInt64(), roles[0]);
            },
            cancellationToken);
        var graph = RolesWithItems(result);
        _roleContent = new KeptGraph(revision, graph);
        return graph;
    }

    private sealed record KeptGraph(long Revision, GraphSnapshot Graph);

    private volatile KeptGraph? _roleContent;

    private static GraphSnapshot RolesWithItems(CypherResult result)
    {
        var graph = new Subgraph();
        foreach (var row in result.Rows)
        {
            var role = StoredNode.Read(row[0]);
            graph.AddNode(role);
            foreach (var item in row[1].EnumerateArray())
            {
                var node = StoredNode.Read(item.GetProperty("item"));
                graph.AddNode(node);
                graph.AddLink(new GraphLink(
                    role.Id, node.Id, StoredLink.ParseType(item.GetProperty("type").GetString()),
                    StoredLink.Number(item.GetProperty("importance")), StoredLink.Number(item.GetProperty("level"))));
            }
        }

        return graph.ToSnapshot();
    }

    private static TaxonomyHeader[] ReadSources(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? JsonSerializer.Deserialize(value.GetString()!, StoreJsonContext.Default.TaxonomyHeaderArray) ?? []
            : [];

    private static CypherStatement Statement(string text, params (string Name, object? Value)[] parameters) =>
        new(text, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));

    [LoggerMessage(Level = LogLevel.Information, Message = "Neo4j schema ready: constraints and indexes online")]
    private static partial void LogSchemaReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Neo4j write committed: nodes {Nodes}, links {Links}")]
    private static partial void LogApplied(ILogger logger, ChangeCounts nodes, ChangeCounts links);
}
