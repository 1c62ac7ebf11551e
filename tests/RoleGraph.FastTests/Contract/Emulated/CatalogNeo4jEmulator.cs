using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Cypher;

namespace RoleGraph.Tests.Contract.Emulated;

/// <summary>
/// An in-memory stand-in for Neo4j that answers exactly the statements of <see cref="CypherCatalog"/>, recognized by
/// exact text, each with a hand-written model of what that Cypher does; any other text throws. Parameters go through
/// the real client's JSON encoding (<see cref="Neo4jWire"/>) and are read back as Neo4j reads JSON (integers as
/// integers, other numbers as floats); rows come back as the HTTP API sends them (floats always with a fraction).
/// </summary>
/// <remarks>
/// <see cref="RunAsync"/> is one auto-commit transaction: its statements run on a copy of the graph, published when
/// all succeed. <see cref="ExecuteWriteAsync{T}"/> runs the work on a copy, one writer at a time (the store's lock
/// statement serializes writers on a real server), and publishes it only when the work completes. Where Cypher
/// promises no order (no ORDER BY), rows and collected lists come back shuffled (seeded), so the store cannot
/// depend on an order the server never promised.
/// </remarks>
public sealed class CatalogNeo4jEmulator : INeo4jClient, IDisposable
{
    private delegate Rows Handler(EmulatedGraph graph, IReadOnlyDictionary<string, object?> parameters);

    private sealed record Rows(string[] Columns, List<object?[]> Values, bool Ordered = false);

    private sealed record Entry(Handler Handler, bool Writes);

    private static readonly JsonSerializerOptions RowJson = new(JsonSerializerDefaults.General) { Converters = { new Neo4jFloatConverter() } };

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Random _shuffle;
    private EmulatedGraph _graph = new();

    public CatalogNeo4jEmulator(bool shuffleUnordered = true, int seed = 20_240_601)
    {
        ShuffleUnordered = shuffleUnordered;
        _shuffle = new Random(seed);
        Register();
    }

    /// <summary>Whether rows and lists Cypher does not order come back in a shuffled order.</summary>
    public bool ShuffleUnordered { get; }

    /// <summary>How often each statement text was run, successfully or not.</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    /// <summary>Every statement text the emulator models.</summary>
    public IReadOnlyCollection<string> Statements => _entries.Keys;

    public void Dispose() => _writer.Dispose();

    /// <summary>Empties the graph (what MATCH (n) DETACH DELETE n does for the tests).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _graph = new EmulatedGraph();
        }
    }

    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = statements.Select(Find).ToArray();
        if (entries.Any(e => e.Writes))
        {
            // A write outside ExecuteWriteAsync: still one transaction, and it waits for any open writer.
            _writer.Wait(cancellationToken);
            try
            {
                EmulatedGraph working;
                lock (_gate)
                {
                    working = _graph.Clone();
                }

                var results = Run(working, statements, entries);
                lock (_gate)
                {
                    _graph = working;
                }

                return Task.FromResult(results);
            }
            finally
            {
                _writer.Release();
            }
        }

        EmulatedGraph current;
        lock (_gate)
        {
            current = _graph;
        }

        // Reads never change a graph, and a published graph is never changed again: no copy needed.
        return Task.FromResult(Run(current, statements, entries));
    }

    public async Task<T> ExecuteWriteAsync<T>(Func<INeo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            EmulatedGraph working;
            lock (_gate)
            {
                working = _graph.Clone();
            }

            var transaction = new Transaction(this, working);
            var result = await work(transaction, cancellationToken);
            transaction.Close();
            lock (_gate)
            {
                _graph = working;
            }

            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    private sealed class Transaction(CatalogNeo4jEmulator emulator, EmulatedGraph graph) : INeo4jTransaction
    {
        private bool _closed;

        public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_closed)
            {
                throw new InvalidOperationException("The transaction was used after its unit of work completed.");
            }

            return Task.FromResult(emulator.Run(graph, statements, statements.Select(emulator.Find).ToArray()));
        }

        public void Close() => _closed = true;
    }

    private Entry Find(CypherStatement statement)
    {
        _calls.AddOrUpdate(statement.Text, 1, (_, n) => n + 1);
        return _entries.TryGetValue(statement.Text, out var entry)
            ? entry
            : throw new NotSupportedException($"The emulator does not model this statement: {statement.Text}");
    }

    private IReadOnlyList<CypherResult> Run(EmulatedGraph graph, IReadOnlyList<CypherStatement> statements, Entry[] entries)
    {
        var parameters = WireParameters(statements);
        var results = new CypherResult[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            var rows = entries[i].Handler(graph, parameters[i]);
            var values = rows.Ordered ? rows.Values : Shuffled(rows.Values);
            results[i] = new CypherResult(rows.Columns, values.Select(row => row.Select(ToJson).ToArray()).ToArray());
        }

        return results;
    }

    /// <summary>The parameters as Neo4j receives them: encoded by the real client, decoded as Neo4j decodes JSON.</summary>
    private static IReadOnlyDictionary<string, object?>[] WireParameters(IReadOnlyList<CypherStatement> statements)
    {
        using var document = JsonDocument.Parse(Neo4jWire.WriteStatements(statements));
        return document.RootElement.GetProperty("statements").EnumerateArray()
            .Select(s => (IReadOnlyDictionary<string, object?>)(Dictionary<string, object?>)FromJson(s.GetProperty("parameters"))!)
            .ToArray();
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var integer) && !element.GetRawText().AsSpan().ContainsAny(".eE")
            ? (object)integer
            : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        _ => throw new NotSupportedException($"Unexpected JSON {element.ValueKind}."),
    };

    private static JsonElement ToJson(object? value) => JsonSerializer.SerializeToElement(value, RowJson);

    /// <summary>Neo4j's HTTP API writes a float with a fraction or exponent (1.0, not 1): reading it as an integer fails as it would there.</summary>
    private sealed class Neo4jFloatConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            writer.WriteRawValue(text.AsSpan().ContainsAny(".E") ? text : text + ".0");
        }
    }

    private List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        if (ShuffleUnordered)
        {
            lock (_shuffle)
            {
                for (var i = list.Count - 1; i > 0; i--)
                {
                    var j = _shuffle.Next(i + 1);
                    (list[i], list[j]) = (list[j], list[i]);
                }
            }
        }

        return list;
    }

    // ---- Parameters and values -------------------------------------------------------------------------------

    private static object? Parameter(IReadOnlyDictionary<string, object?> parameters, string name) =>
        parameters.TryGetValue(name, out var value)
            ? value
            : throw new Neo4jClientException("Neo.ClientError.Statement.ParameterMissing", $"Expected parameter(s): {name}");

    /// <summary>UNWIND $name: a list gives its items, null gives nothing, anything else is one row.</summary>
    private static IEnumerable<object?> Unwind(IReadOnlyDictionary<string, object?> parameters, string name) =>
        Parameter(parameters, name) switch
        {
            null => [],
            List<object?> list => list,
            var single => [single],
        };

    /// <summary>row.key on an UNWIND row: a map's value (null when absent); on anything else a type error.</summary>
    private static object? Field(object? row, string key) => row switch
    {
        null => null,
        Dictionary<string, object?> map => map.GetValueOrDefault(key),
        _ => throw new Neo4jClientException("Neo.ClientError.Statement.TypeError", $"Expected a map to read '{key}' from, got {row.GetType().Name}."),
    };

    private static object? ToFloat(object? value) => value switch
    {
        null => null,
        double d => d,
        long l => (double)l,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        _ => throw new Neo4jClientException("Neo.ClientError.Statement.TypeError", $"toFloat cannot convert {value.GetType().Name}."),
    };

    /// <summary>n {.id, .kind, .name, .description, .aliases, .properties}: missing properties are null.</summary>
    private static Dictionary<string, object?> NodeMap(EmulatedNode node) => new(StringComparer.Ordinal)
    {
        ["id"] = node["id"],
        ["kind"] = node["kind"],
        ["name"] = node["name"],
        ["description"] = node["description"],
        ["aliases"] = node["aliases"],
        ["properties"] = node["properties"],
    };

    private static bool IsNode(EmulatedNode node) => node.Labels.Contains(CypherNames.NodeLabel);

    private static Rows Result(string[] columns, IEnumerable<object?[]> rows, bool ordered = false) => new(columns, rows.ToList(), ordered);

    private static Rows NoRows() => new([], []);

    // ---- The catalog ---------------------------------------------------------------------------------------------

    private void Add(string text, Handler handler, bool writes = false)
    {
        if (!_entries.TryAdd(text, new Entry(handler, writes)))
        {
            throw new InvalidOperationException($"Two catalog statements share one text: {text}");
        }
    }

    private void Register()
    {
        foreach (var statement in SchemaCypher.Setup)
        {
            Add(statement, (_, _) => NoRows());
        }

        Add(SchemaCypher.AwaitIndexes, (g, p) => Parameter(p, "timeoutSeconds") is long ? NoRows() : throw new Neo4jClientException(
            "Neo.ClientError.Procedure.ProcedureCallFailed", "db.awaitIndexes needs an integer timeout."));

        RegisterReads();
        RegisterWrites();

        // Every catalog statement is modelled, and nothing else.
        var missing = CypherCatalog.All.Where(e => !_entries.ContainsKey(e.Text)).Select(e => e.Name).ToArray();
        if (missing.Length > 0 || _entries.Count != CypherCatalog.All.Select(e => e.Text).Distinct().Count())
        {
            throw new InvalidOperationException($"The emulator and the catalog differ: not modelled {string.Join(", ", missing)}.");
        }
    }

    private void RegisterReads()
    {
        Add(ReadCypher.Ping, (_, _) => Result(["ok"], [[1L]]));

        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            var label = CypherNames.Label(kind);
            Add(ReadCypher.CountNodes(kind), (g, _) => Result(["count"], [[(long)g.WithLabel(label).Count()]]));
            Add(ReadCypher.NamesOfKind(kind), (g, _) => Result(["id", "name"], g.WithLabel(label).Select(n => new[] { n["id"], n["name"] })));
            Add(ReadCypher.KindWithLinks(kind), (g, p) =>
            {
                // WHERE type(r) IN $types: a null list holds nothing.
                var types = Parameter(p, "types") as List<object?> ?? [];
                return Result(
                    ["node", "outgoing", "incoming"],
                    g.WithLabel(label).Select(n => new object?[]
                    {
                        NodeMap(n),
                        Shuffled(g.OutgoingOf(n).Where(r => types.Contains(r.Type) && IsNode(g.EndOf(r))).Select(r => NamedLinkEntry(g.EndOf(r), r))),
                        Shuffled(g.IncomingOf(n).Where(r => types.Contains(r.Type) && IsNode(g.StartOf(r))).Select(r => NamedLinkEntry(g.StartOf(r), r))),
                    }));
            });
        }

        Add(ReadCypher.CountLinks, (g, _) => Result(["links"], [[(long)g.Relationships.Count]]));

        Add(ReadCypher.NodesById, (g, p) => Result(
            ["node"],
            Unwind(p, "ids").Select(g.NodeById).OfType<EmulatedNode>().Select(n => new object?[] { NodeMap(n) })));

        Add(ReadCypher.KindsById, (g, p) => Result(
            ["id", "kind"],
            Unwind(p, "ids").Select(g.NodeById).OfType<EmulatedNode>().Select(n => new object?[] { n["id"], n["kind"] })));

        Add(ReadCypher.AllKinds, (g, _) => Result(
            ["id", "kind"],
            g.WithLabel(CypherNames.NodeLabel).Select(n => new object?[] { n["id"], n["kind"] })));

        Add(ReadCypher.AllNodes, (g, _) => Result(
            ["node"],
            g.WithLabel(CypherNames.NodeLabel).OrderBy(n => n["id"] as string, StringComparer.Ordinal).Select(n => new object?[] { NodeMap(n) }),
            ordered: true));

        Add(ReadCypher.AllLinks, (g, _) => Result(
            ["fromId", "toId", "type", "importance", "level"],
            g.Relationships.Values
                .Where(r => IsNode(g.StartOf(r)) && IsNode(g.EndOf(r)))
                .Select(r => new[] { g.StartOf(r)["id"], g.EndOf(r)["id"], r.Type, r["importance"], r["level"] })));

        Add(ReadCypher.Sources, (g, p) =>
        {
            var key = Parameter(p, "key");
            return Result(["sources"], g.WithLabel(CypherNames.MetaLabel).Where(n => Equals(n["key"], key) && key is not null).Select(n => new[] { n["sources"] }));
        });

        Add(ReadCypher.Revision, (g, p) =>
        {
            var key = Parameter(p, "key");
            return Result(["revision"], g.WithLabel(CypherNames.MetaLabel).Where(n => Equals(n["key"], key) && key is not null).Select(n => new[] { n["revision"] }));
        });

        foreach (var relation in Enum.GetValues<RelationKind>())
        {
            var type = CypherNames.Type(relation);
            Add(ReadCypher.Linked(relation, LinkDirection.Outgoing), (g, p) => Result(
                ["id", "node", "importance", "level"],
                Unwind(p, "ids").SelectMany(id => g.NodeById(id) is { } n
                    ? g.OutgoingOf(n).Where(r => r.Type == type && IsNode(g.EndOf(r))).Select(r => new[] { id, NodeMap(g.EndOf(r)), r["importance"], r["level"] })
                    : [])));
            Add(ReadCypher.Linked(relation, LinkDirection.Incoming), (g, p) => Result(
                ["id", "node", "importance", "level"],
                Unwind(p, "ids").SelectMany(id => g.NodeById(id) is { } n
                    ? g.IncomingOf(n).Where(r => r.Type == type && IsNode(g.StartOf(r))).Select(r => new[] { id, NodeMap(g.StartOf(r)), r["importance"], r["level"] })
                    : [])));
        }

        Add(ReadCypher.SearchCandidates, (g, p) =>
        {
            var needle = Parameter(p, "needle");
            var kinds = Parameter(p, "kinds") as List<object?>;
            return Result(
                ["node"],
                g.WithLabel(CypherNames.NodeLabel)
                    .Where(n => n["searchText"] is string text && needle is string s && text.Contains(s, StringComparison.Ordinal))
                    .Where(n => kinds is not null && n["kind"] is { } kind && kinds.Contains(kind))
                    .Select(n => new object?[] { NodeMap(n) }));
        });

        string[] roleItemTypes = [CypherNames.Type(RelationKind.Requires), CypherNames.Type(RelationKind.Uses), CypherNames.Type(RelationKind.ResponsibleFor)];
        Add(ReadCypher.RolesWithItems, (g, p) => Result(
            ["node", "items"],
            Unwind(p, "ids").Select(g.NodeById).OfType<EmulatedNode>().Select(role => new object?[]
            {
                NodeMap(role),
                Shuffled(g.OutgoingOf(role).Where(r => roleItemTypes.Contains(r.Type) && IsNode(g.EndOf(r))).Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["type"] = r.Type,
                    ["importance"] = r["importance"],
                    ["level"] = r["level"],
                    ["item"] = NodeMap(g.EndOf(r)),
                })),
            })));

        Add(ReadCypher.AllRolesWithItems, (g, _) => Result(
            ["node", "items"],
            g.WithLabel(CypherNames.Label(NodeKind.Role)).Select(role => new object?[]
            {
                NodeMap(role),
                Shuffled(g.OutgoingOf(role).Where(r => roleItemTypes.Contains(r.Type) && IsNode(g.EndOf(r))).Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["type"] = r.Type,
                    ["importance"] = r["importance"],
                    ["level"] = r["level"],
                    ["item"] = NodeMap(g.EndOf(r)),
                })),
            })));

        Add(ReadCypher.NodesWithLinks, (g, p) => Result(
            ["node", "outgoing", "incoming"],
            Unwind(p, "ids").Select(g.NodeById).OfType<EmulatedNode>().Select(n => new object?[]
            {
                NodeMap(n),
                Shuffled(g.OutgoingOf(n).Where(r => IsNode(g.EndOf(r))).Select(r => LinkEntry(g.EndOf(r), r))),
                Shuffled(g.IncomingOf(n).Where(r => IsNode(g.StartOf(r))).Select(r => LinkEntry(g.StartOf(r), r))),
            })));

        for (var hops = 1; hops <= ReadCypher.MaxPathHops; hops++)
        {
            var bound = hops;
            Add(ReadCypher.ShortestPathLinks(hops, filtered: false), (g, p) => ShortestPathLinks(g, p, bound, filtered: false));
            Add(ReadCypher.ShortestPathLinks(hops, filtered: true), (g, p) => ShortestPathLinks(g, p, bound, filtered: true));
        }
    }

    private static readonly string[] SkillOrToolTypes = [CypherNames.Type(RelationKind.Requires), CypherNames.Type(RelationKind.Uses)];

    private static bool IsSkillOrTool(EmulatedRelationship relationship) => SkillOrToolTypes.Contains(relationship.Type);

    /// <summary>[m.id, m.kind, type(r), r.importance, r.level]</summary>
    private static List<object?> LinkEntry(EmulatedNode other, EmulatedRelationship relationship) =>
        [other["id"], other["kind"], relationship.Type, relationship["importance"], relationship["level"]];

    /// <summary>[m.id, m.kind, m.name, type(r), r.importance, r.level]</summary>
    private static List<object?> NamedLinkEntry(EmulatedNode other, EmulatedRelationship relationship) =>
        [other["id"], other["kind"], other["name"], relationship.Type, relationship["importance"], relationship["level"]];

    private static Rows ShortestPathLinks(EmulatedGraph g, IReadOnlyDictionary<string, object?> p, int hops, bool filtered)
    {
        var roles = (long)g.WithLabel(CypherNames.Label(NodeKind.Role)).Count();
        long Holders(EmulatedNode n) =>
            g.IncomingOf(n).Count(r => r.Type is "REQUIRES" or "USES" or "RESPONSIBLE_FOR" && g.StartOf(r).Labels.Contains(CypherNames.Label(NodeKind.Role)));
        return Result(
            ["fromNode", "toNode", "type", "importance", "level", "roles", "fromHolders", "toHolders"],
            OnShortestPaths(g, p, hops, filtered).Select(r => new[]
            {
                NodeMap(g.StartOf(r)), NodeMap(g.EndOf(r)), r.Type, r["importance"], r["level"], roles, Holders(g.StartOf(r)), Holders(g.EndOf(r)),
            }));
    }

    /// <summary>The relationships on some shortest path (allShortestPaths, then the distinct relationships of its paths).</summary>
    private static IEnumerable<EmulatedRelationship> OnShortestPaths(EmulatedGraph g, IReadOnlyDictionary<string, object?> p, int hops, bool filtered)
    {
        var types = Parameter(p, "types");
        var a = g.NodeById(Parameter(p, "fromId"));
        var b = g.NodeById(Parameter(p, "toId"));
        if (a is null || b is null)
        {
            return [];
        }

        if (a.Key == b.Key)
        {
            // Neo4j refuses allShortestPaths between a node and itself (unless configured otherwise); the store never asks.
            throw new Neo4jClientException("Neo.DatabaseError.Statement.ExecutionFailed", "The shortest path algorithm does not work when the start and end nodes are the same.");
        }

        bool Allowed(EmulatedRelationship r) =>
            !filtered || (types is List<object?> list && list.Contains(r.Type));

        var fromA = Distances(g, a, hops, Allowed);
        if (!fromA.TryGetValue(b.Key, out var length))
        {
            return [];
        }

        var fromB = Distances(g, b, hops, Allowed);
        return g.Relationships.Values
            .Where(Allowed)
            .Where(r => r.Start != r.End && (
                (fromA.TryGetValue(r.Start, out var s1) && fromB.TryGetValue(r.End, out var e1) && s1 + 1 + e1 == length) ||
                (fromA.TryGetValue(r.End, out var s2) && fromB.TryGetValue(r.Start, out var e2) && s2 + 1 + e2 == length)))
            .ToList();
    }

    /// <summary>Undirected breadth-first distances from a node, up to a bound, over the allowed relationships.</summary>
    private static Dictionary<long, int> Distances(EmulatedGraph g, EmulatedNode start, int bound, Func<EmulatedRelationship, bool> allowed)
    {
        var distances = new Dictionary<long, int> { [start.Key] = 0 };
        var frontier = new List<EmulatedNode> { start };
        for (var depth = 1; depth <= bound && frontier.Count > 0; depth++)
        {
            var next = new List<EmulatedNode>();
            foreach (var node in frontier)
            {
                foreach (var r in g.OutgoingOf(node).Concat(g.IncomingOf(node)).Where(allowed))
                {
                    var other = r.Start == node.Key ? r.End : r.Start;
                    if (distances.TryAdd(other, depth))
                    {
                        next.Add(g.Nodes[other]);
                    }
                }
            }

            frontier = next;
        }

        return distances;
    }

    private void RegisterWrites()
    {
        Add(WriteCypher.Lock, (g, p) =>
        {
            var key = Parameter(p, "key") ?? throw new Neo4jClientException("Neo.ClientError.Statement.SemanticError", "Cannot merge the node because of null property value for 'key'");
            var meta = g.WithLabel(CypherNames.MetaLabel).SingleOrDefault(n => Equals(n["key"], key));
            if (meta is null)
            {
                meta = g.CreateNode([CypherNames.MetaLabel], new Dictionary<string, object?>(StringComparer.Ordinal) { ["key"] = key });
                g.SetNodeProperty(meta, "revision", 0L);
                g.SetNodeProperty(meta, "sources", "[]");
            }

            g.SetNodeProperty(meta, "lockedAt", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            return Result(["revision", "sources"], [[meta["revision"], meta["sources"]]]);
        }, writes: true);

        Add(WriteCypher.SetMeta, (g, p) =>
        {
            var key = Parameter(p, "key");
            var sources = Parameter(p, "sources");
            foreach (var meta in g.WithLabel(CypherNames.MetaLabel).Where(n => key is not null && Equals(n["key"], key)).ToArray())
            {
                g.SetNodeProperty(meta, "revision", meta["revision"] switch
                {
                    null => null,
                    long l => l + 1,
                    double d => d + 1,
                    var other => throw new Neo4jClientException("Neo.ClientError.Statement.TypeError", $"Cannot add {other.GetType().Name} and Integer"),
                });
                g.SetNodeProperty(meta, "sources", sources);
            }

            return NoRows();
        }, writes: true);

        Add(WriteCypher.DeleteNodes, (g, p) =>
        {
            foreach (var id in Unwind(p, "ids"))
            {
                if (g.NodeById(id) is { } node)
                {
                    g.DetachDelete(node);
                }
            }

            return NoRows();
        }, writes: true);

        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            var label = CypherNames.Label(kind);
            var otherLabels = Enum.GetValues<NodeKind>().Where(k => k != kind).Select(CypherNames.Label).ToArray();
            Add(WriteCypher.UpsertNodes(kind), (g, p) =>
            {
                foreach (var row in Unwind(p, "rows"))
                {
                    var id = Field(row, "id")
                        ?? throw new Neo4jClientException("Neo.ClientError.Statement.SemanticError", "Cannot merge the following node because of null property value for 'id': (:Node {id: null})");
                    var node = g.NodeById(id)
                        ?? g.CreateNode([CypherNames.NodeLabel], new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = id });
                    node.Labels.Add(label);
                    foreach (var property in (string[])["kind", "name", "description", "aliases", "properties", "nameLower", "searchText"])
                    {
                        g.SetNodeProperty(node, property, Field(row, property));
                    }

                    node.Labels.ExceptWith(otherLabels);
                }

                return NoRows();
            }, writes: true);
        }

        foreach (var relation in Enum.GetValues<RelationKind>())
        {
            var type = CypherNames.Type(relation);
            Add(WriteCypher.DeleteLinks(relation), (g, p) =>
            {
                foreach (var key in Unwind(p, "keys"))
                {
                    if (g.NodeById(Field(key, "fromId")) is { } a && g.NodeById(Field(key, "toId")) is { } b)
                    {
                        foreach (var r in g.OutgoingOf(a).Where(r => r.Type == type && r.End == b.Key).ToArray())
                        {
                            g.DeleteRelationship(r);
                        }
                    }
                }

                return NoRows();
            }, writes: true);

            Add(WriteCypher.UpsertLinks(relation), (g, p) =>
            {
                foreach (var row in Unwind(p, "rows"))
                {
                    // MATCH drops a row whose ends are missing, silently.
                    if (g.NodeById(Field(row, "fromId")) is not { } a || g.NodeById(Field(row, "toId")) is not { } b)
                    {
                        continue;
                    }

                    var matched = g.OutgoingOf(a).Where(r => r.Type == type && r.End == b.Key).ToList();
                    if (matched.Count == 0)
                    {
                        matched.Add(g.CreateRelationship(type, a, b));
                    }

                    foreach (var r in matched)
                    {
                        EmulatedGraph.SetProperty(r.Properties, "importance", ToFloat(Field(row, "importance")));
                        EmulatedGraph.SetProperty(r.Properties, "level", ToFloat(Field(row, "level")));
                    }
                }

                return NoRows();
            }, writes: true);
        }
    }
}
