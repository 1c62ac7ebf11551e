using System.Text;
using System.Text.RegularExpressions;

namespace RoleGraph.Core.Model;

/// <summary>What makes a node well-formed, checked the same way for taxonomy files and for mutations.</summary>
public static partial class NodeRules
{
    /// <summary>
    /// Length limits, in UTF-16 code units, the same for every store. They keep each indexed value well inside what
    /// Neo4j can index (a range-index key, the id's uniqueness constraint, holds about 8 KB; a text-index value
    /// 32,766 UTF-8 bytes, at most 3 bytes per code unit) and bound what one node costs; descriptions, which no
    /// index holds, may be long (a request body is at most 4 MB). They leave room for O*NET (its longest id is 127,
    /// name 332, description 811, alias 128, property value 4,278; a role has 2,751 aliases).
    /// </summary>
    public const int MaxIdLength = 200;

    public const int MaxNameLength = 1_000;

    public const int MaxAliasLength = 1_000;

    public const int MaxAliases = 10_000;

    public const int MaxDescriptionLength = 1_000_000;

    public const int MaxPropertyKeyLength = 200;

    public const int MaxPropertyValueLength = 20_000;

    public const int MaxProperties = 100;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();

    public static bool IsSlug(string? id) => !string.IsNullOrEmpty(id) && Slug().IsMatch(id);

    public static string NotASlug(string? id) => id is null
        ? "Missing id."
        : $"Id '{id}' is not a slug (lower-case letters and digits, single dashes between).";

    /// <summary>The message for a text over its limit, naming the field and the limit.</summary>
    public static string TooLong(string field, int length, int limit) =>
        $"The {field} is {length} characters long; at most {limit} are allowed.";

    /// <summary>The length problems of a node's texts, as (field, message) pairs, the field relative to the node.</summary>
    public static IEnumerable<(string Field, string Message)> LengthProblems(
        string? id, string? name, string? description, IReadOnlyList<string>? aliases, IReadOnlyDictionary<string, string>? properties)
    {
        if (id?.Length > MaxIdLength)
        {
            yield return ("id", TooLong("id", id.Length, MaxIdLength));
        }

        if (name?.Length > MaxNameLength)
        {
            yield return ("name", TooLong("name", name.Length, MaxNameLength));
        }

        if (description?.Length > MaxDescriptionLength)
        {
            yield return ("description", TooLong("description", description.Length, MaxDescriptionLength));
        }

        if (aliases?.Count > MaxAliases)
        {
            yield return ("aliases", $"The node has {aliases.Count} aliases; at most {MaxAliases} are allowed.");
        }

        for (var i = 0; aliases is not null && i < aliases.Count; i++)
        {
            if (aliases[i]?.Length > MaxAliasLength)
            {
                yield return ($"aliases[{i}]", TooLong("alias", aliases[i].Length, MaxAliasLength));
            }
        }

        if (properties?.Count > MaxProperties)
        {
            yield return ("properties", $"The node has {properties.Count} properties; at most {MaxProperties} are allowed.");
        }

        foreach (var (key, value) in properties ?? GraphNode.NoProperties)
        {
            if (key.Length > MaxPropertyKeyLength)
            {
                yield return ("properties", TooLong("property key", key.Length, MaxPropertyKeyLength));
            }

            if (value?.Length > MaxPropertyValueLength)
            {
                yield return ($"properties.{key}", TooLong("property value", value.Length, MaxPropertyValueLength));
            }
        }
    }

    /// <summary>The problems of a node, as (field, message) pairs; none when it is well-formed.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(GraphNode node)
    {
        var lengthProblems = LengthProblems(node.Id, node.Name, node.Description, node.Aliases, node.Properties).ToList();
        foreach (var problem in lengthProblems)
        {
            yield return problem;
        }

        if (lengthProblems.Count > 0)
        {
            yield break;
        }

        if (!IsSlug(node.Id))
        {
            yield return ("id", NotASlug(node.Id));
        }

        if (string.IsNullOrWhiteSpace(node.Name))
        {
            yield return ("name", "Missing name.");
        }

        if (node.Aliases.Any(string.IsNullOrWhiteSpace))
        {
            yield return ("aliases", "Aliases must not be blank.");
        }

        // Text that is not well-formed UTF-16 (a lone surrogate, e.g. from "\uD800" in a GraphQL literal) cannot be
        // journaled, exported or matched faithfully: refuse it like JSON readers refuse it in variables.
        foreach (var (field, text) in Texts(node))
        {
            if (!IsWellFormed(text))
            {
                yield return (field, "The text contains a lone surrogate (ill-formed UTF-16).");
                yield break;
            }
        }
    }

    /// <summary>Whether <see cref="Problems"/> would report anything; cheap, for the common case of a well-formed node.</summary>
    internal static bool HasProblems(GraphNode node)
    {
        if (node.Id.Length > MaxIdLength || node.Name.Length > MaxNameLength || node.Description?.Length > MaxDescriptionLength
            || node.Aliases.Count > MaxAliases || node.Properties.Count > MaxProperties)
        {
            return true;
        }

        if (!IsSlug(node.Id) || string.IsNullOrWhiteSpace(node.Name) || !IsWellFormed(node.Name) || !IsWellFormed(node.Description))
        {
            return true;
        }

        foreach (var alias in node.Aliases)
        {
            if (string.IsNullOrWhiteSpace(alias) || alias.Length > MaxAliasLength || !IsWellFormed(alias))
            {
                return true;
            }
        }

        foreach (var (key, value) in node.Properties)
        {
            if (key.Length > MaxPropertyKeyLength || value?.Length > MaxPropertyValueLength || !IsWellFormed(key) || !IsWellFormed(value))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsWellFormed(string? text)
    {
        for (var i = 0; text is not null && i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            i += consumed;
        }

        return true;
    }

    private static IEnumerable<(string Field, string? Text)> Texts(GraphNode node) =>
        new[] { ("name", (string?)node.Name), ("description", node.Description) }
            .Concat(node.Aliases.Select(a => ("aliases", (string?)a)))
            .Concat(node.Properties.SelectMany(p => new[] { ("properties", (string?)p.Key), ("properties", (string?)p.Value) }));
}
