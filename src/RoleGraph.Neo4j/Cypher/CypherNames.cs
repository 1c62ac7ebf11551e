using RoleGraph.Core.Model;

namespace RoleGraph.Neo4j.Cypher;

/// <summary>
/// Labels and relationship types, derived only from the model's enums: the only names ever written into a
/// statement's text. Every node carries :Node (the unique id lives there) and the label of its kind.
/// </summary>
internal static class CypherNames
{
    public const string NodeLabel = "Node";

    /// <summary>The single node that holds the graph's revision and sources; writers lock it to take turns.</summary>
    public const string MetaLabel = "RoleGraphMeta";

    public static string Label(NodeKind kind) => kind.ToString();

    public static string Type(RelationKind relation) => RelationRules.WireName(relation);

    public static IReadOnlyList<string> KindLabels { get; } = Enum.GetValues<NodeKind>().Select(Label).ToArray();

    public static IReadOnlyList<string> Types { get; } = Enum.GetValues<RelationKind>().Select(Type).ToArray();

    /// <summary>Every property key the store reads or writes.</summary>
    public static IReadOnlyList<string> PropertyKeys { get; } =
        ["id", "kind", "name", "description", "aliases", "properties", "searchText", "searchOverflow", "searchOverflowed", "importance", "level", "key", "revision", "sources", "lockedAt"];
}
