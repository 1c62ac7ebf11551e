using RoleGraph.Neo4j.Client;
using RoleGraph.Neo4j.Cypher;

namespace RoleGraph.Tests.Contract.Emulated;

/// <summary>A node of the emulated property graph: its labels and properties (values as Neo4j holds them).</summary>
internal sealed class EmulatedNode(long key, HashSet<string> labels, Dictionary<string, object?> properties)
{
    public long Key { get; } = key;

    public HashSet<string> Labels { get; } = labels;

    public Dictionary<string, object?> Properties { get; } = properties;

    public object? this[string name] => Properties.GetValueOrDefault(name);

    public EmulatedNode Clone() => new(Key, [.. Labels], new Dictionary<string, object?>(Properties, StringComparer.Ordinal));
}

/// <summary>A relationship of the emulated property graph.</summary>
internal sealed class EmulatedRelationship(long key, string type, long start, long end, Dictionary<string, object?> properties)
{
    public long Key { get; } = key;

    public string Type { get; } = type;

    public long Start { get; } = start;

    public long End { get; } = end;

    public Dictionary<string, object?> Properties { get; } = properties;

    public object? this[string name] => Properties.GetValueOrDefault(name);

    public EmulatedRelationship Clone() => new(Key, Type, Start, End, new Dictionary<string, object?>(Properties, StringComparer.Ordinal));
}

/// <summary>
/// The emulator's property graph, copied whole for a transaction. Keeps the :Node id index (the unique constraint
/// node_id_unique) and adjacency lists.
/// </summary>
internal sealed class EmulatedGraph
{
    private long _nextKey = 1;

    public Dictionary<long, EmulatedNode> Nodes { get; } = [];

    public Dictionary<long, EmulatedRelationship> Relationships { get; } = [];

    private Dictionary<long, List<long>> Outgoing { get; } = [];

    private Dictionary<long, List<long>> Incoming { get; } = [];

    /// <summary>:Node nodes by their id property (the unique constraint's index).</summary>
    private Dictionary<string, long> NodeIds { get; } = new(StringComparer.Ordinal);

    public EmulatedGraph Clone()
    {
        var copy = new EmulatedGraph { _nextKey = _nextKey };
        foreach (var (key, node) in Nodes)
        {
            copy.Nodes[key] = node.Clone();
        }

        foreach (var (key, relationship) in Relationships)
        {
            copy.Relationships[key] = relationship.Clone();
        }

        foreach (var (key, list) in Outgoing)
        {
            copy.Outgoing[key] = [.. list];
        }

        foreach (var (key, list) in Incoming)
        {
            copy.Incoming[key] = [.. list];
        }

        foreach (var (id, key) in NodeIds)
        {
            copy.NodeIds[id] = key;
        }

        return copy;
    }

    /// <summary>MATCH (n:Node {id: value}): null and non-strings match nothing here (ids are only ever strings).</summary>
    public EmulatedNode? NodeById(object? id) =>
        id switch
        {
            null => null,
            string text => NodeIds.TryGetValue(text, out var key) ? Nodes[key] : null,
            _ => throw new NotSupportedException($"The emulator models only string ids, got {id.GetType().Name}."),
        };

    public EmulatedNode CreateNode(IEnumerable<string> labels, Dictionary<string, object?> properties)
    {
        var node = new EmulatedNode(_nextKey++, [.. labels], properties);
        Nodes[node.Key] = node;
        Outgoing[node.Key] = [];
        Incoming[node.Key] = [];
        IndexNode(node);
        return node;
    }

    /// <summary>Enforces node_id_unique: a :Node's id may not be any other :Node's.</summary>
    private void IndexNode(EmulatedNode node)
    {
        if (!node.Labels.Contains(CypherNames.NodeLabel) || node["id"] is not { } id)
        {
            return;
        }

        if (id is not string text)
        {
            throw new NotSupportedException($"The emulator models only string ids, got {id.GetType().Name}.");
        }

        if (NodeIds.TryGetValue(text, out var other) && other != node.Key)
        {
            throw new Neo4jClientException(
                "Neo.ClientError.Schema.ConstraintValidationFailed", $"Node({other}) already exists with label `Node` and property `id` = '{text}'");
        }

        NodeIds[text] = node.Key;
    }

    public void SetNodeProperty(EmulatedNode node, string name, object? value)
    {
        if (name == "id" && node.Labels.Contains(CypherNames.NodeLabel) && node["id"] is string old)
        {
            NodeIds.Remove(old);
        }

        SetProperty(node.Properties, name, value);
        IndexNode(node);
    }

    public static void SetProperty(Dictionary<string, object?> properties, string name, object? value)
    {
        if (value is null)
        {
            // SET x.p = null removes the property.
            properties.Remove(name);
            return;
        }

        CheckStorable(value);
        properties[name] = value;
    }

    /// <summary>What Neo4j can store as a property: a primitive, or a homogeneous list of primitives without nulls.</summary>
    private static void CheckStorable(object value)
    {
        switch (value)
        {
            case string or long or double or bool:
                return;
            case List<object?> list:
                if (list.Any(item => item is null or List<object?> or Dictionary<string, object?>))
                {
                    throw new Neo4jClientException("Neo.ClientError.Statement.TypeError", "Collections containing null values or nested collections can not be stored in properties.");
                }

                if (list.Select(item => item!.GetType()).Distinct().Count() > 1)
                {
                    throw new Neo4jClientException("Neo.ClientError.Statement.TypeError", "Neo4j only supports a subset of Cypher types for storage as singleton or array properties: mixed types.");
                }

                return;
            default:
                throw new Neo4jClientException("Neo.ClientError.Statement.TypeError", $"Property values can only be of primitive types or arrays thereof, got {value.GetType().Name}.");
        }
    }

    public EmulatedRelationship CreateRelationship(string type, EmulatedNode start, EmulatedNode end)
    {
        var relationship = new EmulatedRelationship(_nextKey++, type, start.Key, end.Key, new Dictionary<string, object?>(StringComparer.Ordinal));
        Relationships[relationship.Key] = relationship;
        Outgoing[start.Key].Add(relationship.Key);
        Incoming[end.Key].Add(relationship.Key);
        return relationship;
    }

    public void DeleteRelationship(EmulatedRelationship relationship)
    {
        if (Relationships.Remove(relationship.Key))
        {
            Outgoing[relationship.Start].Remove(relationship.Key);
            Incoming[relationship.End].Remove(relationship.Key);
        }
    }

    public void DetachDelete(EmulatedNode node)
    {
        if (!Nodes.ContainsKey(node.Key))
        {
            return;
        }

        foreach (var relationship in OutgoingOf(node).Concat(IncomingOf(node)).ToArray())
        {
            DeleteRelationship(relationship);
        }

        Nodes.Remove(node.Key);
        Outgoing.Remove(node.Key);
        Incoming.Remove(node.Key);
        if (node["id"] is string id && NodeIds.TryGetValue(id, out var key) && key == node.Key)
        {
            NodeIds.Remove(id);
        }
    }

    public IEnumerable<EmulatedRelationship> OutgoingOf(EmulatedNode node) => Outgoing[node.Key].Select(key => Relationships[key]);

    public IEnumerable<EmulatedRelationship> IncomingOf(EmulatedNode node) => Incoming[node.Key].Select(key => Relationships[key]);

    public EmulatedNode StartOf(EmulatedRelationship relationship) => Nodes[relationship.Start];

    public EmulatedNode EndOf(EmulatedRelationship relationship) => Nodes[relationship.End];

    public IEnumerable<EmulatedNode> WithLabel(string label) => Nodes.Values.Where(n => n.Labels.Contains(label));
}
