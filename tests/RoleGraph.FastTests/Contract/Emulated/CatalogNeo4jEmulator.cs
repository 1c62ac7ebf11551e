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
/// Every call runs in a transaction (<see cref="Begin"/>): reads see the latest committed graph, statement by
/// statement (Neo4j reads committed); the first writing statement waits until no other transaction writes (the
/// store's lock statement serializes writers on a real server) and works on a copy of the latest graph, published
/// at commit. A failing statement rolls its transaction back, as Neo4j does. <see cref="EmulatedNeo4jServer"/>
/// speaks both of Neo4j's HTTP wire formats over it. Where Cypher promises no order (no ORDER BY), rows and
/// collected lists come back shuffled (seeded), so the store cannot depend on an order the server never promised.
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

    /// <summary>The latest committed graph.</summary>
    internal EmulatedGraph Current
    {
        get
        {
            lock (_gate)
            {
                return _graph;
            }
        }
    }

    /// <summary>Opens a transaction; its statements arrive as parsed from the wire (JSON numbers as long or double).</summary>
    public EmulatedTransaction Begin() => new(this);

    /// <summary>Runs after each statement, with its text: lets a test commit another write at a chosen point.</summary>
    public Action<string>? AfterStatement { get; set; }

    /// <summary>Transactions waiting for the writer's turn right now.</summary>
    public int WaitingWriters => Volatile.Read(ref _waitingWriters);

    private int _waitingWriters;

    internal async Task WaitToWriteAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waitingWriters);
        try
        {
            await _writer.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waitingWriters);
        }
    }

    internal void DoneWriting() => _writer.Release();

    internal void Publish(EmulatedGraph graph)
    {
        lock (_gate)
        {
            _graph = graph;
        }
    }

    /// <summary>Whether any of the statements writes (so the transaction must hold the writer's turn first).</summary>
    internal bool Writes(IEnumerable<string> texts) => texts.Select(Find).Any(e => e.Writes);

    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = Begin();
        var results = await transaction.RunAsync(WireStatements(statements), cancellationToken);
        transaction.Commit();
        return results;
    }

    public async Task<T> ExecuteWriteAsync<T>(Func<INeo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var transaction = new Transaction(Begin());
        T result;
        try
        {
            result = await work(transaction, cancellationToken);
        }
        catch
        {
            transaction.Close();
            transaction.Inner.Rollback();
            throw;
        }

        transaction.Close();
        transaction.Inner.Commit();
        return result;
    }

    private sealed class Transaction(EmulatedTransaction inner) : INeo4jTransaction
    {
        private bool _closed;

        public EmulatedTransaction Inner { get; } = inner;

        public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_closed)
            {
                throw new InvalidOperationException("The transaction was used after its unit of work completed.");
            }

            return Inner.RunAsync(WireStatements(statements), cancellationToken);
        }

        public Task<IReadOnlyList<CypherResult>> RunLockingAsync(CypherStatement statement, CancellationToken cancellationToken) =>
            RunAsync([statement], cancellationToken);

        public void Close() => _closed = true;
    }

    private Entry Find(string text) =>
        _entries.TryGetValue(text, out var entry)
            ? entry
            : throw new NotSupportedException($"The emulator does not model this statement: {text}");

    /// <summary>Runs one statement on a graph (counted, successful or not), its rows as the server would send them.</summary>
    internal CypherResult Run(EmulatedGraph graph, WireStatement statement)
    {
        _calls.AddOrUpdate(statement.Text, 1, (_, n) => n + 1);
        var rows = Find(statement.Text).Handler(graph, statement.Parameters);
        AfterStatement?.Invoke(statement.Text);
        var values = rows.Ordered ? rows.Values : Shuffled(rows.Values);
        return new CypherResult(rows.Columns, values.Select(row => row.Select(ToJson).ToArray()).ToArray());
    }

    /// <summary>The statements as Neo4j receives them: encoded by the real client, decoded as Neo4j decodes JSON.</summary>
    private static WireStatement[] WireStatements(IReadOnlyList<CypherStatement> statements)
    {
        using var document = JsonDocument.Parse(Neo4jWire.WriteStatements(statements));
        return document.RootElement.GetProperty("statements").EnumerateArray()
            .Select(s => WireStatement.Parse(s))
            .ToArray();
    }

    /// <summary>A JSON value as Neo4j reads it: integers as integers, other numbers as floats.</summary>
    internal static object? FromJson(JsonElement element) => element.ValueKind switch
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

        var kinds = Enum.GetValues<NodeKind>();
        Add(ReadCypher.Statistics, (g, _) => Result(
            [.. kinds.Select(CypherNames.Label), "links"],
            [[.. kinds.Select(kind => (object?)(long)g.WithLabel(CypherNames.Label(kind)).Count()), (long)g.Relationships.Count]]));

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
            bool Holds(object? text) => text is string t && needle is string s && t.Contains(s, StringComparison.Ordinal);

            // The text-index branch UNION the overflow branch: a node both find comes back once.
            return Result(
                ["node"],
                g.WithLabel(CypherNames.NodeLabel)
                    .Where(n => Holds(n["searchText"]) || (Equals(n["searchOverflowed"], true) && Holds(n["searchOverflow"])))
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

        Add(ReadCypher.PathStep(filtered: false), (g, p) => PathStep(g, p, filtered: false));
        Add(ReadCypher.PathStep(filtered: true), (g, p) => PathStep(g, p, filtered: true));

        Add(ReadCypher.PathNodes, (g, p) =>
        {
            var roles = (long)g.WithLabel(CypherNames.Label(NodeKind.Role)).Count();
            long Holders(EmulatedNode n) =>
                g.IncomingOf(n).Count(r => r.Type is "REQUIRES" or "USES" or "RESPONSIBLE_FOR" && g.StartOf(r).Labels.Contains(CypherNames.Label(NodeKind.Role)));
            return Result(
                ["node", "roles", "holders"],
                Unwind(p, "ids").Select(g.NodeById).OfType<EmulatedNode>().Select(n => new object?[] { NodeMap(n), roles, Holders(n) }));
        });
    }

    /// <summary>
    /// UNWIND $ids AS id MATCH (n:Node {id: id})-[r]-(m:Node) [WHERE type(r) IN $types]: every relationship at each
    /// node, once per direction it can be matched in (a relationship is matched from each of its ends).
    /// </summary>
    private static Rows PathStep(EmulatedGraph g, IReadOnlyDictionary<string, object?> p, bool filtered)
    {
        var types = filtered ? Parameter(p, "types") as List<object?> : null;
        return Result(
            ["id", "otherId", "type", "outgoing", "importance", "level"],
            Unwind(p, "ids").SelectMany(id => g.NodeById(id) is { } n
                ? g.OutgoingOf(n).Select(r => (r, Outgoing: true)).Concat(g.IncomingOf(n).Select(r => (r, Outgoing: false)))
                    .Where(x => !filtered || (types is not null && types.Contains(x.r.Type)))
                    .Select(x => (x.r, x.Outgoing, Other: x.Outgoing ? g.EndOf(x.r) : g.StartOf(x.r)))
                    .Where(x => IsNode(x.Other))
                    .Select(x => new[] { id, x.Other["id"], x.r.Type, x.Outgoing, x.r["importance"], x.r["level"] })
                : []));
    }

    private static readonly string[] SkillOrToolTypes = [CypherNames.Type(RelationKind.Requires), CypherNames.Type(RelationKind.Uses)];

    private static bool IsSkillOrTool(EmulatedRelationship relationship) => SkillOrToolTypes.Contains(relationship.Type);

    /// <summary>[m.id, m.kind, type(r), r.importance, r.level]</summary>
    private static List<object?> LinkEntry(EmulatedNode other, EmulatedRelationship relationship) =>
        [other["id"], other["kind"], relationship.Type, relationship["importance"], relationship["level"]];

    /// <summary>[m.id, m.kind, m.name, type(r), r.importance, r.level]</summary>
    private static List<object?> NamedLinkEntry(EmulatedNode other, EmulatedRelationship relationship) =>
        [other["id"], other["kind"], other["name"], relationship.Type, relationship["importance"], relationship["level"]];

    /// <summary>
    /// The properties the schema indexes on :Node, with what one value may hold there: a range index (or the
    /// uniqueness constraint behind one) keys at most 8,167 bytes, a text index takes at most 32,766 UTF-8 bytes
    /// (Neo4j knowledge base, "Index limitations and workarounds"; Lucene's term limit).
    /// </summary>
    private static readonly Dictionary<string, int> IndexedValueLimits = SchemaCypher.Setup
        .Where(text => text.StartsWith("CREATE", StringComparison.Ordinal) && text.Contains("(n:Node)", StringComparison.Ordinal))
        .Select(text => (Text: text, Match: System.Text.RegularExpressions.Regex.Match(text, @"(?:ON \(n\.|REQUIRE n\.)(\w+)")))
        .ToDictionary(x => x.Match.Groups[1].Value, x => x.Text.Contains("TEXT INDEX", StringComparison.Ordinal) ? 32_766 : 8_167, StringComparer.Ordinal);

    /// <summary>A string too large for an index on its property fails the write, as on Neo4j.</summary>
    private static void RefuseUnindexable(EmulatedNode node)
    {
        foreach (var (property, limit) in IndexedValueLimits)
        {
            if (node[property] is string text && System.Text.Encoding.UTF8.GetByteCount(text) > limit)
            {
                throw new Neo4jClientException(
                    "Neo.ClientError.Statement.ArgumentError",
                    $"Property value is too large to index, please see index documentation for limitations. Index: {property}, value size: {System.Text.Encoding.UTF8.GetByteCount(text)} bytes, limit: {limit}.");
            }
        }
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
                    foreach (var property in (string[])["kind", "name", "description", "aliases", "properties", "searchText", "searchOverflow", "searchOverflowed"])
                    {
                        g.SetNodeProperty(node, property, Field(row, property));
                    }

                    node.Labels.ExceptWith(otherLabels);
                    RefuseUnindexable(node);
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
