using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Importing.Onet;
using static RoleGraph.Tests.Onet.OnetData;

namespace RoleGraph.Tests.Onet;

/// <summary>Rating flags and text forms the excerpt does not show, on an altered copy of it.</summary>
public sealed class OnetReaderRowTests : IDisposable
{
    private const string Cirs = "computer-and-information-research-scientists";

    // Columns of Skills.txt / Knowledge.txt.
    private const int DataValue = 6;
    private const int RecommendSuppress = 11;
    private const int NotRelevant = 12;

    private readonly OnetExcerptCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    private TaxonomyDocument Read() => Validate(OnetReader.Read(_copy.Directory, new OnetImportOptions(), NoneExisting));

    private int Change(string file, string element, string scale, Func<string, string> change) =>
        _copy.ChangeRow(file, ResearchScientists, [$"\t{element}\t", $"\t{scale}\t"], change);

    [Fact]
    public void An_importance_O_NET_recommends_to_suppress_drops_the_link()
    {
        Change("Skills.txt", "2.B.3.e", "IM", l => OnetExcerptCopy.WithField(l, RecommendSuppress, "Y"));

        var graph = Read();

        Assert.DoesNotContain("programming", graph.Targets(Cirs, RelationKind.Requires));
        Assert.False(graph.Has("programming"));
    }

    [Fact]
    public void An_importance_without_a_level_row_gives_a_link_without_level()
    {
        var line = Change("Skills.txt", "2.B.3.e", "LV", l => l);
        var lines = _copy.Lines("Skills.txt").ToList();
        lines.RemoveAt(line - 1);
        File.WriteAllText(_copy.Combine("Skills.txt"), string.Join('\n', lines));

        var link = Read().Link(Cirs, RelationKind.Requires, "programming");

        Assert.Equal(0.655, link.Importance!.Value, 9);
        Assert.Null(link.Level);
    }

    [Fact]
    public void A_level_without_an_importance_row_gives_no_link()
    {
        var line = Change("Skills.txt", "2.B.3.e", "IM", l => l);
        var lines = _copy.Lines("Skills.txt").ToList();
        lines.RemoveAt(line - 1);
        File.WriteAllText(_copy.Combine("Skills.txt"), string.Join('\n', lines));

        Assert.DoesNotContain("programming", Read().Targets(Cirs, RelationKind.Requires));
    }

    [Fact]
    public void Numbers_without_decimals_and_out_of_range_values_are_scaled_and_clamped()
    {
        Change("Skills.txt", "2.B.3.e", "IM", l => OnetExcerptCopy.WithField(l, DataValue, "5"));
        Change("Skills.txt", "2.B.3.e", "LV", l => OnetExcerptCopy.WithField(l, DataValue, "7.5"));
        Change("Skills.txt", "2.A.1.e", "IM", l => OnetExcerptCopy.WithField(l, DataValue, "0.5"));
        Change("Skills.txt", "2.A.1.e", "LV", l => OnetExcerptCopy.WithField(l, DataValue, "0"));

        var graph = Read();

        var programming = graph.Link(Cirs, RelationKind.Requires, "programming");
        Assert.Equal(1.0, programming.Importance);
        Assert.Equal(1.0, programming.Level);
        var mathematics = graph.Link(Cirs, RelationKind.Requires, "mathematics");
        Assert.Equal(0.0, mathematics.Importance);
        Assert.Equal(0.0, mathematics.Level);
    }

    [Fact]
    public void A_relevant_element_becomes_not_relevant_by_its_level_row()
    {
        Change("Knowledge.txt", "2.C.4.a", "LV", l => OnetExcerptCopy.WithField(l, NotRelevant, "Y"));

        Assert.DoesNotContain("mathematics-knowledge", Read().Targets(Cirs, RelationKind.Requires));
    }

    [Fact]
    public void Quoted_fields_are_unquoted()
    {
        File.AppendAllText(_copy.Combine("Tools Used.txt"), "15-1221.00\tComputer and Information Research Scientists\t\"Laser \"\"fax\"\" machines\"\t44101508\tLaser fax machine\n");

        var graph = Read();

        Assert.Equal("Laser \"fax\" machines", graph.Node("laser-fax-machines").Name);
        Assert.Equal("laser-fax-machine", Assert.Single(graph.Targets("laser-fax-machines", RelationKind.InCategory)));
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        foreach (var file in OnetReader.RequiredFiles)
        {
            File.WriteAllText(_copy.Combine(file), File.ReadAllText(_copy.Combine(file)).Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        var graph = Read();

        Assert.Equal(ExcerptGraph.Nodes, graph.Nodes, (a, b) => a.Id == b.Id && a.Name == b.Name && a.Description == b.Description
            && a.Aliases.SequenceEqual(b.Aliases) && a.Properties.OrderBy(p => p.Key).SequenceEqual(b.Properties.OrderBy(p => p.Key)));
        Assert.Equal(ExcerptGraph.Links, graph.Links);
    }

    [Fact]
    public void A_commodity_missing_from_the_UNSPSC_reference_is_a_category_without_parents()
    {
        File.AppendAllText(_copy.Combine("Tools Used.txt"), "15-1221.00\tComputer and Information Research Scientists\tQuantum annealers\t99999999\tQuantum computers\n");

        var graph = Read();

        Assert.Equal(["quantum-computers"], graph.CategoryChain("quantum-annealers"));
        Assert.Equal("99999999", graph.Node("quantum-computers").Property("unspscCode"));
    }
}
