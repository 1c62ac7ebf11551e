using RoleGraph.Importing.Onet;
using static RoleGraph.Tests.Onet.OnetData;

namespace RoleGraph.Tests.Onet;

/// <summary>A missing or damaged database is reported with the path, file and line at fault.</summary>
public sealed class OnetReaderErrorTests : IDisposable
{
    private readonly OnetExcerptCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    private InvalidDataException Rejected() =>
        Assert.Throws<InvalidDataException>(() => OnetReader.Read(_copy.Directory, new OnetImportOptions(), NoneExisting));

    [Fact]
    public void A_missing_directory_is_named()
    {
        var missing = Path.Combine(_copy.Directory, "no-such-onet");

        var error = Assert.Throws<DirectoryNotFoundException>(() => OnetReader.Read(missing, new OnetImportOptions(), NoneExisting));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> RequiredFiles => [.. OnetReader.RequiredFiles];

    [Theory]
    [MemberData(nameof(RequiredFiles))]
    public void A_missing_file_is_named(string file)
    {
        File.Delete(_copy.Combine(file));

        var error = Assert.Throws<FileNotFoundException>(() => OnetReader.Read(_copy.Directory, new OnetImportOptions(), NoneExisting));

        Assert.Equal(_copy.Combine(file), error.FileName);
        Assert.Contains($"'{file}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(_copy.Directory, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_a_column_too_few_names_file_and_line()
    {
        _copy.ChangeLine("Technology Skills.txt", 5, l => l.Remove(l.LastIndexOf('\t'), 1));

        var error = Rejected();

        Assert.Equal("Technology Skills.txt, line 5: expected 7 tab-separated columns as in the header, found 6.", error.Message);
    }

    [Fact]
    public void A_row_with_a_column_too_many_names_file_and_line()
    {
        _copy.ChangeLine("Task Statements.txt", 12, l => l + "\textra");

        Assert.StartsWith("Task Statements.txt, line 12: expected 8 tab-separated columns", Rejected().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_no_number_names_file_line_and_column()
    {
        var line = _copy.ChangeRow("Knowledge.txt", ResearchScientists, ["\t2.C.4.a\t", "\tIM\t"], l => OnetExcerptCopy.WithField(l, 6, "4,06"));

        Assert.Equal($"Knowledge.txt, line {line}: '4,06' in column 'Data Value' is not a number.", Rejected().Message);
    }

    [Fact]
    public void A_missing_header_column_is_named()
    {
        _copy.ChangeLine("Tools Used.txt", 1, l => l.Replace("Commodity Code", "Commodity", StringComparison.Ordinal));

        var error = Rejected();

        Assert.StartsWith("Tools Used.txt: the header row has no column 'Commodity Code'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_of_an_occupation_Occupation_Data_lacks_is_an_error()
    {
        File.AppendAllText(_copy.Combine("Task Statements.txt"), "99-9999.00\tNobody\t1\tDo nothing.\tCore\t1.0\t08/2023\tAnalyst\n");

        var error = Rejected();

        Assert.Equal("Task Statements.txt, line 33: the O*NET-SOC code '99-9999.00' is not in Occupation Data.txt.", error.Message);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        File.WriteAllText(_copy.Combine("Scales Reference.txt"), "");

        Assert.Equal("Scales Reference.txt: the file is empty; expected a header row.", Rejected().Message);
    }

    [Fact]
    public void Scales_without_the_importance_scale_are_an_error()
    {
        var lines = _copy.Lines("Scales Reference.txt").Where(l => !l.StartsWith("IM\t", StringComparison.Ordinal));
        File.WriteAllText(_copy.Combine("Scales Reference.txt"), string.Join('\n', lines));

        Assert.Equal("Scales Reference.txt: no row for the IM (Importance) scale.", Rejected().Message);
    }

    [Fact]
    public void A_second_rating_of_the_same_element_is_an_error()
    {
        var lines = _copy.Lines("Skills.txt");
        File.AppendAllText(_copy.Combine("Skills.txt"), lines[1] + "\n");

        Assert.Contains("a second IM rating of 2.A.1.a for 15-1221.00", Rejected().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => OnetReader.Read(ExcerptDirectory, null!, NoneExisting));
        Assert.Throws<ArgumentNullException>(() => OnetReader.Read(ExcerptDirectory, new OnetImportOptions(), null!));
        Assert.ThrowsAny<ArgumentException>(() => OnetReader.Read(" ", new OnetImportOptions(), NoneExisting));
    }
}
