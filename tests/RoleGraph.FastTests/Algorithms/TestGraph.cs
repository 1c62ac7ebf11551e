using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Embedded;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// A small graph written for one test: <c>TestGraph.Create().Role("a").Skill("x").Requires("a", "x", 0.5).Build()</c>.
/// Names default to the id. The named link methods check <see cref="RelationRules"/> so a test cannot build a graph
/// the stores would refuse by mistake; <see cref="Link"/> adds any link, for the few tests that need one.
/// </summary>
internal sealed class TestGraph
{
    private readonly List<GraphNode> _nodes = [];
    private readonly List<GraphLink> _links = [];

    private TestGraph()
    {
    }

    public static TestGraph Create() => new();

    public TestGraph Role(string id, string? name = null, params string[] aliases) => Node(NodeKind.Role, id, name, aliases);

    public TestGraph Skill(string id, string? name = null, params string[] aliases) => Node(NodeKind.Skill, id, name, aliases);

    public TestGraph Tool(string id, string? name = null, params string[] aliases) => Node(NodeKind.Tool, id, name, aliases);

    public TestGraph Responsibility(string id, string? name = null, params string[] aliases) => Node(NodeKind.Responsibility, id, name, aliases);

    public TestGraph Category(string id, string? name = null, params string[] aliases) => Node(NodeKind.Category, id, name, aliases);

    /// <summary>Several nodes of one kind, each named after its id.</summary>
    public TestGraph Nodes(NodeKind kind, params string[] ids)
    {
        foreach (var id in ids)
        {
            Node(kind, id, null, []);
        }

        return this;
    }

    public TestGraph Node(NodeKind kind, string id, string? name, IReadOnlyList<string> aliases)
    {
        if (_nodes.Any(n => n.Id == id))
        {
            throw new InvalidOperationException($"Test graph already has a node '{id}'.");
        }

        _nodes.Add(new GraphNode(id, kind, name ?? id, null, aliases.ToArray(), GraphNode.NoProperties));
        return this;
    }

    public TestGraph Requires(string role, string skill, double? importance = null, double? level = null) =>
        Checked(new GraphLink(role, skill, RelationKind.Requires, importance, level));

    public TestGraph Uses(string role, string tool, double? importance = null) => Checked(new GraphLink(role, tool, RelationKind.Uses, importance));

    public TestGraph ResponsibleFor(string role, string responsibility) => Checked(new GraphLink(role, responsibility, RelationKind.ResponsibleFor));

    public TestGraph Supports(string tool, string skill) => Checked(new GraphLink(tool, skill, RelationKind.Supports));

    public TestGraph InCategory(string item, string category) => Checked(new GraphLink(item, category, RelationKind.InCategory));

    public TestGraph SubcategoryOf(string category, string parent) => Checked(new GraphLink(category, parent, RelationKind.SubcategoryOf));

    public TestGraph RelatedTo(string skill, string other) => Checked(new GraphLink(skill, other, RelationKind.RelatedTo));

    /// <summary>Any link, without checking which kinds its relation may join.</summary>
    public TestGraph Link(string from, string to, RelationKind relation, double? importance = null)
    {
        Endpoint(from);
        Endpoint(to);
        _links.Add(new GraphLink(from, to, relation, importance));
        return this;
    }

    public GraphSnapshot Build() => GraphSnapshot.Build(_nodes, _links);

    public TaxonomyDocument Document(string name = "Test taxonomy") => new([new TaxonomyHeader(name)], _nodes.ToArray(), _links.ToArray());

    /// <summary>An in-memory embedded store holding this graph, written through its import: for tests of the query service.</summary>
    public async Task<EmbeddedGraphStore> StoreAsync(CancellationToken cancellationToken)
    {
        var store = new EmbeddedGraphStore(null, NullLogger<EmbeddedGraphStore>.Instance);
        await store.InitializeAsync(cancellationToken);
        await store.ApplyAsync(GraphEdit.Import(Document(), ImportMode.Replace), dryRun: false, cancellationToken);
        return store;
    }

    private TestGraph Checked(GraphLink link)
    {
        var from = Endpoint(link.FromId);
        var to = Endpoint(link.ToId);
        if (!RelationRules.Allows(link.Relation, from.Kind, to.Kind))
        {
            throw new InvalidOperationException($"{link.Relation} cannot join {from.Kind} '{from.Id}' to {to.Kind} '{to.Id}'.");
        }

        _links.Add(link);
        return this;
    }

    private GraphNode Endpoint(string id) =>
        _nodes.Find(n => n.Id == id) ?? throw new InvalidOperationException($"Test graph has no node '{id}'; add nodes before links.");
}
