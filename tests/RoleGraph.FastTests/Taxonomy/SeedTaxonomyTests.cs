using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Taxonomy;

/// <summary>The seed directory loads and holds the facts of the article the project started from.</summary>
public sealed class SeedTaxonomyTests
{
    private const string Mle = "machine-learning-engineer";
    private const string Ds = "data-scientist";

    private static readonly Lazy<TaxonomyDocument> Seed = new(() => TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed")));

    private static GraphNode Node(string id) => Seed.Value.Nodes.Single(n => n.Id == id);

    private static string[] Linked(string from, RelationKind relation) =>
        Seed.Value.Links.Where(l => l.FromId == from && l.Relation == relation).Select(l => l.ToId).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_seed_directory_is_a_valid_taxonomy()
    {
        var document = TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed"));

        Assert.Equal("Machine Learning Engineer vs Data Scientist", Assert.Single(document.Sources).Name);
        Assert.NotEmpty(document.Links);
    }

    [Fact]
    public void It_holds_both_roles_of_the_article()
    {
        var roles = Seed.Value.Nodes.Where(n => n.Kind == NodeKind.Role).OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();

        Assert.Equal([(Ds, "Data Scientist"), (Mle, "Machine Learning Engineer")], roles.Select(r => (r.Id, r.Name)));
        Assert.All(roles, r => Assert.False(string.IsNullOrWhiteSpace(r.Property(WellKnownProperties.PrimaryFocus))));
    }

    [Fact]
    public void Python_is_required_by_both_roles()
    {
        Assert.Equal(NodeKind.Skill, Node("python").Kind);
        var requiring = Seed.Value.Links.Where(l => l.ToId == "python" && l.Relation == RelationKind.Requires).Select(l => l.FromId).Order(StringComparer.Ordinal);

        Assert.Equal([Ds, Mle], requiring);
    }

    [Theory]
    [InlineData("TensorFlow")]
    [InlineData("PyTorch")]
    [InlineData("AWS")]
    [InlineData("GCP")]
    [InlineData("Azure")]
    [InlineData("Tableau")]
    [InlineData("Matplotlib")]
    public void Every_tool_the_article_names_is_there_with_a_category(string name)
    {
        var tool = Seed.Value.Nodes.Single(n => n.Name == name);

        Assert.Equal(NodeKind.Tool, tool.Kind);
        var categories = Linked(tool.Id, RelationKind.InCategory);
        Assert.NotEmpty(categories);
        Assert.All(categories, c => Assert.Equal(NodeKind.Category, Node(c).Kind));
    }

    [Fact]
    public void The_seed_has_exactly_the_seven_tools_of_the_article()
    {
        Assert.Equal(
            ["AWS", "Azure", "GCP", "Matplotlib", "PyTorch", "Tableau", "TensorFlow"],
            Seed.Value.Nodes.Where(n => n.Kind == NodeKind.Tool).Select(n => n.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Mle, 7)]
    [InlineData(Ds, 8)]
    public void Each_role_has_the_responsibilities_the_article_lists(string role, int count)
    {
        var responsibilities = Linked(role, RelationKind.ResponsibleFor);

        Assert.Equal(count, responsibilities.Length);
        Assert.All(responsibilities, r => Assert.Equal(NodeKind.Responsibility, Node(r).Kind));
    }

    [Fact]
    public void The_roles_share_no_responsibility()
    {
        Assert.Empty(Linked(Mle, RelationKind.ResponsibleFor).Intersect(Linked(Ds, RelationKind.ResponsibleFor)));
    }
}
