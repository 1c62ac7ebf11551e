using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RoleGraph.Core.Taxonomy;

/// <summary>
/// Reads the text of a taxonomy file into <see cref="TaxonomyFile"/>, remembering the line and column of every
/// value by its JSON path, and reporting unknown fields and wrongly typed values with their place.
/// JSON goes through the same YAML parser (JSON is YAML's flow syntax), so both formats report places alike.
/// </summary>
public sealed class TaxonomyParser
{
    private static readonly HashSet<string> RootFields = ["formatVersion", "taxonomy", "sources", "nodes", "links"];
    private static readonly HashSet<string> HeaderFields = ["name", "version", "source", "license"];
    private static readonly HashSet<string> NodeFields = ["id", "kind", "name", "description", "aliases", "properties"];
    private static readonly HashSet<string> LinkFields = ["from", "to", "relation", "importance", "level"];

    private readonly string _file;
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);
    private readonly List<TaxonomyProblem> _problems = [];

    private TaxonomyParser(string file) => _file = file;

    public string File => _file;

    /// <summary>Where each value stood, by JSON path; problems about a path without a mark take the nearest parent's.</summary>
    public IReadOnlyDictionary<string, Mark> Marks => _marks;

    public IReadOnlyList<TaxonomyProblem> Problems => _problems;

    public TaxonomyFile? Result { get; private set; }

    public static TaxonomyParser Parse(string file, string text, TaxonomyFormat format)
    {
        var parser = new TaxonomyParser(file);

        // The YAML parser below would take YAML for JSON too (JSON is YAML's flow syntax, not the other way round), so
        // a document said to be JSON must be JSON: "format: JSON" with YAML text is a mistake to report, not to guess past.
        if (format == TaxonomyFormat.Json && NotJson(text) is { } notJson)
        {
            parser._problems.Add(new TaxonomyProblem(file, "$", notJson.Message) { Line = notJson.Line, Column = notJson.Column });
            return parser;
        }

        // In JSON a raw tab can only be white space between tokens (inside strings it must be escaped), and YAML's
        // scanner refuses tabs where JSON allows them; a space keeps every column where it was.
        var source = format == TaxonomyFormat.Json ? text.Replace('\t', ' ') : text;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(source));
        }
        catch (YamlException e)
        {
            parser.Add("$", (e.InnerException as YamlException ?? e).Message, e.Start);
            return parser;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            parser.Add("$", "A taxonomy must be a mapping with formatVersion, taxonomy, nodes and links.", stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : Mark.Empty);
            return parser;
        }

        parser.Result = parser.ReadRoot(root);
        return parser;
    }

    private static (string Message, int Line, int Column)? NotJson(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return null;
        }
        catch (System.Text.Json.JsonException e)
        {
            // "'f' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0.": the place goes in line and column.
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
            return ($"The document is not JSON, which format JSON says it is: {reason} (a YAML document needs format YAML).",
                (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
        }
    }

    /// <summary>Attaches the line and column of the path (or of its nearest parent that has one) to a problem.</summary>
    public TaxonomyProblem Locate(TaxonomyProblem problem)
    {
        for (var path = problem.Path; path.Length > 0; path = Parent(path))
        {
            if (_marks.TryGetValue(path, out var mark))
            {
                return problem with { Line = (int)mark.Line, Column = (int)mark.Column };
            }
        }

        return problem;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? (path == "$" ? "" : "$") : path[..cut];
    }

    private void Add(string path, string message, Mark mark) =>
        _problems.Add(new TaxonomyProblem(_file, path, message) { Line = (int)mark.Line, Column = (int)mark.Column });

    private TaxonomyFile ReadRoot(YamlMappingNode root)
    {
        var file = new TaxonomyFile();
        foreach (var (key, value, path) in Fields(root, "$", RootFields))
        {
            switch (key)
            {
                case "formatVersion":
                    file.FormatVersion = Number(value, path) is { } v && v == Math.Floor(v) ? (int)v : Invalid<int?>(value, path, "a whole number");
                    break;
                case "taxonomy":
                    file.Taxonomy = Header(value, path);
                    break;
                case "sources":
                    file.Sources = Sequence(value, path, Header);
                    break;
                case "nodes":
                    file.Nodes = Sequence(value, path, Node);
                    break;
                case "links":
                    file.Links = Sequence(value, path, Link);
                    break;
            }
        }

        return file;
    }

    private TaxonomyFileHeader? Header(YamlNode node, string path)
    {
        if (!Mapping(node, path, out var mapping))
        {
            return null;
        }

        var header = new TaxonomyFileHeader();
        foreach (var (key, value, fieldPath) in Fields(mapping, path, HeaderFields))
        {
            var text = Text(value, fieldPath);
            switch (key)
            {
                case "name": header.Name = text; break;
                case "version": header.Version = text; break;
                case "source": header.Source = text; break;
                case "license": header.License = text; break;
            }
        }

        return header;
    }

    private TaxonomyFileNode? Node(YamlNode node, string path)
    {
        if (!Mapping(node, path, out var mapping))
        {
            return null;
        }

        var result = new TaxonomyFileNode();
        foreach (var (key, value, fieldPath) in Fields(mapping, path, NodeFields))
        {
            switch (key)
            {
                case "id": result.Id = Text(value, fieldPath); break;
                case "kind": result.Kind = Text(value, fieldPath); break;
                case "name": result.Name = Text(value, fieldPath); break;
                case "description": result.Description = Text(value, fieldPath); break;
                case "aliases": result.Aliases = Strings(value, fieldPath); break;
                case "properties": result.Properties = Properties(value, fieldPath); break;
            }
        }

        return result;
    }

    private TaxonomyFileLink? Link(YamlNode node, string path)
    {
        if (!Mapping(node, path, out var mapping))
        {
            return null;
        }

        var result = new TaxonomyFileLink();
        foreach (var (key, value, fieldPath) in Fields(mapping, path, LinkFields))
        {
            switch (key)
            {
                case "from": result.From = Text(value, fieldPath); break;
                case "to": result.To = Text(value, fieldPath); break;
                case "relation": result.Relation = Text(value, fieldPath); break;
                case "importance": result.Importance = Number(value, fieldPath); break;
                case "level": result.Level = Number(value, fieldPath); break;
            }
        }

        return result;
    }

    private Dictionary<string, string>? Properties(YamlNode node, string path)
    {
        if (!Mapping(node, path, out var mapping))
        {
            return null;
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, fieldPath) in Fields(mapping, path, known: null))
        {
            if (Text(value, fieldPath) is { } text)
            {
                properties[key] = text;
            }
        }

        return properties;
    }

    /// <summary>The fields of a mapping with their paths; unknown ones (when a set of known ones is given) are reported.</summary>
    private IEnumerable<(string Key, YamlNode Value, string Path)> Fields(YamlMappingNode mapping, string path, HashSet<string>? known)
    {
        _marks.TryAdd(path, mapping.Start);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var fieldPath = $"{path}.{key}";
            if (known is not null && !known.Contains(key))
            {
                Add(fieldPath, $"Unknown field '{key}'; expected one of {string.Join(", ", known)}.", keyNode.Start);
                continue;
            }

            _marks[fieldPath] = value.Start;
            if (!IsNull(value))
            {
                yield return (key, value, fieldPath);
            }
        }
    }

    private List<T>? Sequence<T>(YamlNode node, string path, Func<YamlNode, string, T?> item)
        where T : class, new()
    {
        if (node is not YamlSequenceNode sequence)
        {
            return Invalid<List<T>?>(node, path, "a list");
        }

        var list = new List<T>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            _marks[itemPath] = sequence.Children[i].Start;
            if (item(sequence.Children[i], itemPath) is { } value)
            {
                list.Add(value);
            }
            else
            {
                list.Add(new T()); // keeps indexes aligned with the file; the reader drops the validator's echo of this problem
            }
        }

        return list;
    }

    private List<string>? Strings(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            return Invalid<List<string>?>(node, path, "a list");
        }

        var list = new List<string>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            _marks[$"{path}[{i}]"] = sequence.Children[i].Start;
            if (Text(sequence.Children[i], $"{path}[{i}]") is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    private bool Mapping(YamlNode node, string path, out YamlMappingNode mapping)
    {
        if (node is YamlMappingNode m)
        {
            mapping = m;
            return true;
        }

        Invalid<object?>(node, path, "a mapping");
        mapping = null!;
        return false;
    }

    private string? Text(YamlNode node, string path) =>
        node is YamlScalarNode scalar ? scalar.Value : Invalid<string?>(node, path, "a text value");

    private double? Number(YamlNode node, string path) => node switch
    {
        // YAML's own spellings of the special floats, so that a range check, not a type error, rejects them.
        YamlScalarNode { Style: ScalarStyle.Plain, Value: ".nan" or ".NaN" or ".NAN" } => double.NaN,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: ".inf" or "+.inf" or ".Inf" or ".INF" } => double.PositiveInfinity,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "-.inf" or "-.Inf" or "-.INF" } => double.NegativeInfinity,
        YamlScalarNode { Value: { } text } when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => Invalid<double?>(node, path, "a number"),
    };

    private T Invalid<T>(YamlNode node, string path, string expected)
    {
        var got = node switch
        {
            YamlScalarNode scalar => $"'{scalar.Value}'",
            YamlSequenceNode => "a list",
            YamlMappingNode => "a mapping",
            _ => "something else",
        };
        Add(path, $"Expected {expected}; got {got}.", node.Start);
        return default!;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
