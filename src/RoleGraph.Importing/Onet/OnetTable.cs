using System.Globalization;

namespace RoleGraph.Importing.Onet;

/// <summary>
/// One O*NET text file read row by row: tab-separated UTF-8, a header row, one record per line. Fields are slices of
/// the file's text and become strings only when asked for, so that reading the large tables allocates little.
/// A field that starts and ends with a double quote is unquoted (<c>"a ""b"""</c> → <c>a "b"</c>), as some rows of
/// the files are written that way. A row whose column count differs from the header's is an error naming the file
/// and line; so is a column the reader needs and the header lacks.
/// </summary>
internal sealed class OnetTable
{
    private const int ProgressEvery = 4096;

    private readonly string _text;
    private readonly Dictionary<string, int> _columns;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly IProgress<OnetProgress>? _progress;
    private int _position;
    private int _lastLineStart;

    private OnetTable(string fileName, string text, IProgress<OnetProgress>? progress)
    {
        FileName = fileName;
        _text = text;
        _progress = progress;
        RowCount = CountDataRows(text);

        if (!NextLine(out var header) || header.IsWhiteSpace())
        {
            throw new InvalidDataException($"{fileName}: the file is empty; expected a header row.");
        }

        var names = header.ToString().Split('\t');
        _columns = new Dictionary<string, int>(names.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            _columns.TryAdd(names[i].Trim(), i);
        }

        _starts = new int[names.Length];
        _lengths = new int[names.Length];
        progress?.Report(new OnetProgress(fileName, 0, RowCount));
    }

    public string FileName { get; }

    /// <summary>Data rows in the file (non-blank lines after the header).</summary>
    public int RowCount { get; }

    /// <summary>The 1-based line number of the current row (the header is line 1).</summary>
    public int LineNumber { get; private set; }

    /// <summary>Data rows read so far.</summary>
    public int RowsRead { get; private set; }

    public static OnetTable Open(string directory, string fileName, IProgress<OnetProgress>? progress) =>
        new(fileName, File.ReadAllText(Path.Combine(directory, fileName)), progress);

    /// <summary>The index of a header column; an error naming the file when the header lacks it.</summary>
    public int Column(string name) => _columns.TryGetValue(name, out var index)
        ? index
        : throw new InvalidDataException($"{FileName}: the header row has no column '{name}' (it has: {string.Join(", ", _columns.OrderBy(c => c.Value).Select(c => c.Key))}).");

    /// <summary>Moves to the next data row; false at the end of the file. Blank lines are skipped.</summary>
    public bool Read()
    {
        ReadOnlySpan<char> line;
        do
        {
            if (!NextLine(out line))
            {
                _progress?.Report(new OnetProgress(FileName, RowsRead, RowCount));
                return false;
            }
        }
        while (line.IsWhiteSpace());

        var lineStart = _lastLineStart;
        var count = 0;
        var fieldStart = 0;
        for (var i = 0; ; i++)
        {
            if (i == line.Length || line[i] == '\t')
            {
                if (count < _starts.Length)
                {
                    _starts[count] = lineStart + fieldStart;
                    _lengths[count] = i - fieldStart;
                }

                count++;
                fieldStart = i + 1;
                if (i == line.Length)
                {
                    break;
                }
            }
        }

        if (count != _starts.Length)
        {
            throw new InvalidDataException(
                $"{FileName}, line {LineNumber}: expected {_starts.Length} tab-separated columns as in the header, found {count}.");
        }

        RowsRead++;
        if (RowsRead % ProgressEvery == 0)
        {
            _progress?.Report(new OnetProgress(FileName, RowsRead, RowCount));
        }

        return true;
    }

    /// <summary>A field of the current row, trimmed and unquoted, without allocating.</summary>
    public ReadOnlySpan<char> Span(int column)
    {
        var span = _text.AsSpan(_starts[column], _lengths[column]).Trim();
        if (span.Length >= 2 && span[0] == '"' && span[^1] == '"')
        {
            var inner = span[1..^1];
            return inner.Contains("\"\"", StringComparison.Ordinal) ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal).AsSpan().Trim() : inner.Trim();
        }

        return span;
    }

    /// <summary>A field of the current row as a string, trimmed and unquoted.</summary>
    public string Text(int column) => Span(column).ToString();

    /// <summary>True when a Y/N flag column holds Y (empty and N are false).</summary>
    public bool Flag(int column) => Span(column) is ['Y' or 'y'];

    /// <summary>A number column; an error naming file, line and column when it is not a number.</summary>
    public double Number(int column, string name)
    {
        var span = Span(column);
        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error($"'{span}' in column '{name}' is not a number.");
    }

    /// <summary>An error about the current row, naming file and line.</summary>
    public InvalidDataException Error(string message) => new($"{FileName}, line {LineNumber}: {message}");

    private bool NextLine(out ReadOnlySpan<char> line)
    {
        if (_position >= _text.Length)
        {
            line = default;
            return false;
        }

        var rest = _text.AsSpan(_position);
        var end = rest.IndexOf('\n');
        _lastLineStart = _position;
        line = end < 0 ? rest : rest[..end];
        _position += end < 0 ? rest.Length : end + 1;
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        LineNumber++;
        return true;
    }

    private static int CountDataRows(string text)
    {
        var rows = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (!line.IsWhiteSpace())
            {
                rows++;
            }
        }

        return Math.Max(0, rows - 1);
    }
}
