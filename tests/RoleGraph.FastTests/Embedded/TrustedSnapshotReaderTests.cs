using RoleGraph.Core.Taxonomy;
using RoleGraph.Embedded;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Embedded;

/// <summary>
/// The data file's one-pass reader must never accept what the validator refuses, and must read what it accepts
/// exactly as the validator does: checked here side by side, on the seed and on damaged copies of it.
/// </summary>
public sealed class TrustedSnapshotReaderTests
{
    private static readonly Lazy<TaxonomyDocument> Seed = new(() => TaxonomyReader.ReadDirectory(RepositoryFiles.PathOf("seed")));

    public static TheoryData<string> Damages() =>
    [
        "none", "links out of order", "a duplicate link", "a symmetric link both ways", "an importance above 1",
        "a level on USES", "an unknown endpoint", "a self link", "a wrong kind of endpoint", "a duplicate id",
        "an id that is no slug", "an unknown kind", "a blank name", "an unknown relation", "a lower-case relation",
        "untrimmed and duplicate aliases",
    ];

    [Theory]
    [MemberData(nameof(Damages))]
    public void Accepts_only_what_the_validator_accepts_and_reads_it_the_same(string damage)
    {
        var (nodes, links) = SeedAsFile();
        Damage(damage, nodes, links);

        var fast = TrustedSnapshotReader.TryRead(nodes, links);
        TaxonomyDocument? validated = null;
        try
        {
            validated = TaxonomyValidator.Validate([("data.json", new TaxonomyFile
            {
                FormatVersion = TaxonomyFile.CurrentFormatVersion,
                Taxonomy = new TaxonomyFileHeader { Name = "data file" },
                Nodes = nodes,
                Links = links,
            })]);
        }
        catch (TaxonomyValidationException)
        {
        }

        if (validated is null)
        {
            Assert.Null(fast);
            return;
        }

        if (fast is { } read)
        {
            Assert.Equal(Show(validated.Nodes), Show(read.Nodes));
            Assert.Equal(validated.Links.Select(l => l.ToString()).Order(StringComparer.Ordinal), read.Links.Select(l => l.ToString()).Order(StringComparer.Ordinal));
        }

        // Accepting less than the validator is allowed (the validator then reads the file); the seed itself must pass.
        Assert.True(damage != "none" || fast is not null, "The undamaged seed must take the fast path.");
    }

    private static (List<TaxonomyFileNode> Nodes, List<TaxonomyFileLink> Links) SeedAsFile() =>
        (Seed.Value.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal).Select(TaxonomyFileMapping.ToFile).ToList(),
         TaxonomyWriter.OrderedLinks(Seed.Value.Links).Select(TaxonomyFileMapping.ToFile).ToList());

    private static string[] Show(IEnumerable<Core.Model.GraphNode> nodes) =>
        nodes.Select(n => $"{n.Id}|{n.Kind}|{n.Name}|{n.Description}|{string.Join(";", n.Aliases)}|{string.Join(";", n.Properties.Select(p => $"{p.Key}={p.Value}"))}")
            .Order(StringComparer.Ordinal).ToArray();

    private static void Damage(string damage, List<TaxonomyFileNode> nodes, List<TaxonomyFileLink> links)
    {
        TaxonomyFileLink Link(string relation) => links.First(l => l.Relation == relation);
        switch (damage)
        {
            case "none":
                break;
            case "links out of order":
                links.Reverse();
                break;
            case "a duplicate link":
                links.Add(Copy(links[^1]));
                break;
            case "a symmetric link both ways":
                var related = Link("RELATED_TO");
                links.Add(new TaxonomyFileLink { From = related.To, To = related.From, Relation = related.Relation });
                break;
            case "an importance above 1":
                Link("REQUIRES").Importance = 1.5;
                break;
            case "a level on USES":
                Link("USES").Level = 0.5;
                break;
            case "an unknown endpoint":
                links[0].To = "no-such-node";
                break;
            case "a self link":
                links[0].To = links[0].From;
                break;
            case "a wrong kind of endpoint":
                var requires = Link("REQUIRES");
                requires.To = requires.From;
                requires.From = Link("USES").To;
                break;
            case "a duplicate id":
                nodes.Add(new TaxonomyFileNode { Id = nodes[0].Id, Kind = nodes[0].Kind, Name = "Again" });
                break;
            case "an id that is no slug":
                nodes.Add(new TaxonomyFileNode { Id = "Not A Slug", Kind = "Skill", Name = "X" });
                break;
            case "an unknown kind":
                nodes[0].Kind = "Planet";
                break;
            case "a blank name":
                nodes[0].Name = "  ";
                break;
            case "an unknown relation":
                links[0].Relation = "LIKES";
                break;
            case "a lower-case relation":
                links[0].Relation = links[0].Relation!.ToLowerInvariant();
                break;
            case "untrimmed and duplicate aliases":
                nodes[0].Aliases = [" Spaced ", "spaced", "", "Other"];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }

    private static TaxonomyFileLink Copy(TaxonomyFileLink link) =>
        new() { From = link.From, To = link.To, Relation = link.Relation, Importance = link.Importance, Level = link.Level };
}
