using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization.Schemas;

namespace RoleGraph.Core.Taxonomy;

/// <summary>
/// Writes a <see cref="TaxonomyFile"/> as YAML, field by field through YamlDotNet's event emitter straight to the output.
/// YamlDotNet's serializer finds the fields by reflection, which Native AOT cannot run; the text is the one it wrote
/// for these classes: camelCase names in declaration order, null fields left out, no anchors, and text that a YAML
/// reader would take for something else (null, true, 1.0, blanks) in double quotes. Text the serializer wrote in a
/// form that reads back changed (carriage returns, a trailing tab) is double-quoted as well.
/// </summary>
internal sealed partial class TaxonomyYamlWriter
{
    /// <summary>The invariant format, with the spellings YAML gives the special floats (the parser reads those back).</summary>
    private static readonly NumberFormatInfo YamlNumbers = new()
    {
        NaNSymbol = ".nan",
        PositiveInfinitySymbol = ".inf",
        NegativeInfinitySymbol = "-.inf",
    };

    private static readonly SearchValues<char> LineBreaksOtherThanLineFeed = SearchValues.Create("\r\u0085\u2028\u2029");

    private readonly Emitter _emitter;

    private TaxonomyYamlWriter(TextWriter output) => _emitter = new Emitter(output);

    public static void Write(TextWriter output, TaxonomyFile file)
    {
        var writer = new TaxonomyYamlWriter(output);
        writer._emitter.Emit(new StreamStart());
        writer._emitter.Emit(new DocumentStart());
        writer.Root(file);
        writer._emitter.Emit(new DocumentEnd(isImplicit: true));
        writer._emitter.Emit(new StreamEnd());
    }

    private void Root(TaxonomyFile file)
    {
        BeginMapping();
        Field("formatVersion", file.FormatVersion);
        if (file.Taxonomy is not null)
        {
            Name("taxonomy");
            Header(file.Taxonomy);
        }

        if (file.Sources is not null)
        {
            Name("sources");
            Sequence(file.Sources, Header);
        }

        if (file.Nodes is not null)
        {
            Name("nodes");
            Sequence(file.Nodes, Node);
        }

        if (file.Links is not null)
        {
            Name("links");
            Sequence(file.Links, Link);
        }

        _emitter.Emit(new MappingEnd());
    }

    private void Header(TaxonomyFileHeader header)
    {
        BeginMapping();
        Field("name", header.Name);
        Field("version", header.Version);
        Field("source", header.Source);
        Field("license", header.License);
        _emitter.Emit(new MappingEnd());
    }

    private void Node(TaxonomyFileNode node)
    {
        BeginMapping();
        Field("id", node.Id);
        Field("kind", node.Kind);
        Field("name", node.Name);
        Field("description", node.Description);
        if (node.Aliases is not null)
        {
            Name("aliases");
            Sequence(node.Aliases, Text);
        }

        if (node.Properties is not null)
        {
            Name("properties");
            BeginMapping();
            foreach (var (key, value) in node.Properties)
            {
                Text(key, isKey: true);
                Text(value);
            }

            _emitter.Emit(new MappingEnd());
        }

        _emitter.Emit(new MappingEnd());
    }

    private void Link(TaxonomyFileLink link)
    {
        BeginMapping();
        Field("from", link.From);
        Field("to", link.To);
        Field("relation", link.Relation);
        Field("importance", link.Importance);
        Field("level", link.Level);
        _emitter.Emit(new MappingEnd());
    }

    private void BeginMapping() => _emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: false, MappingStyle.Any));

    private void Sequence<T>(IReadOnlyList<T?> items, Action<T> item)
        where T : class
    {
        _emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: false, SequenceStyle.Any));
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } entry)
            {
                Null();
                continue;
            }

            item(entry);
        }

        _emitter.Emit(new SequenceEnd());
    }

    private void Name(string name) => Text(name);

    private void Field(string name, string? value)
    {
        if (value is not null)
        {
            Name(name);
            Text(value);
        }
    }

    private void Field(string name, int? value)
    {
        if (value is { } number)
        {
            Name(name);
            Scalar(JsonSchema.Tags.Int, number.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain);
        }
    }

    private void Field(string name, double? value)
    {
        if (value is { } number)
        {
            Name(name);
            Scalar(JsonSchema.Tags.Float, number.ToString("R", YamlNumbers), ScalarStyle.Plain);
        }
    }

    private void Text(string? text) => Text(text, isKey: false);

    /// <summary>
    /// Text in the style the emitter picks (plain where it can), or double-quoted where that would read back as something
    /// else. Double quotes escape every character, so they hold any text exactly.
    /// </summary>
    private void Text(string? text, bool isKey)
    {
        if (text is null)
        {
            Null(); // only a list item or property value can be null here; fields that are null are left out
            return;
        }

        Scalar(FailsafeSchema.Tags.Str, text, NeedsQuotes(text, isKey) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any);
    }

    private void Null() => Scalar(JsonSchema.Tags.Null, "", ScalarStyle.Plain);

    // Implicit in plain style, so no tag is written: the tag only tells the emitter an empty scalar is a null.
    private void Scalar(TagName tag, string value, ScalarStyle style) =>
        _emitter.Emit(new Scalar(AnchorName.Empty, tag, value, style, isPlainImplicit: true, isQuotedImplicit: false));

    private static bool NeedsQuotes(string text, bool isKey) =>
        string.IsNullOrWhiteSpace(text)
        || NotTextWhenPlain().IsMatch(text)
        // Plain and block scalars do not keep these line breaks as they are.
        || text.AsSpan().IndexOfAny(LineBreaksOtherThanLineFeed) >= 0
        // A plain scalar loses trailing white space, and the emitter, looking for spaces only, would write a tab plain.
        || text[^1] == '\t'
        // YamlDotNet's parser reads a plain key with a '*' after white space as a scalar, not as the key of a mapping.
        || (isKey && (text.Contains(" *", StringComparison.Ordinal) || text.Contains("\t*", StringComparison.Ordinal)));

    /// <summary>
    /// The plain scalars a YAML 1.2 reader resolves to null, a boolean or a number, and those starting with white space
    /// (a plain scalar cannot). YAML 1.1's yes/no/on/off stay plain, as YamlDotNet left them.
    /// </summary>
    [GeneratedRegex(
        """^(?:null|Null|NULL|~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"""
        + """|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|\s.*)$""",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotTextWhenPlain();
}
