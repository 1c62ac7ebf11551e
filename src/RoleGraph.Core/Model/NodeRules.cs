using System.Text;
using System.Text.RegularExpressions;

namespace RoleGraph.Core.Model;

/// <summary>What makes a node well-formed, checked the same way for taxonomy files and for mutations.</summary>
public static partial class NodeRules
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();

    public static bool IsSlug(string? id) => !string.IsNullOrEmpty(id) && Slug().IsMatch(id);

    public static string NotASlug(string? id) => id is null
        ? "Missing id."
        : $"Id '{id}' is not a slug (lower-case letters and digits, single dashes between).";

    /// <summary>The problems of a node, as (field, message) pairs; none when it is well-formed.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(GraphNode node)
    {
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
        if (!IsSlug(node.Id) || string.IsNullOrWhiteSpace(node.Name) || !IsWellFormed(node.Name) || !IsWellFormed(node.Description))
        {
            return true;
        }

        foreach (var alias in node.Aliases)
        {
            if (string.IsNullOrWhiteSpace(alias) || !IsWellFormed(alias))
            {
                return true;
            }
        }

        foreach (var (key, value) in node.Properties)
        {
            if (!IsWellFormed(key) || !IsWellFormed(value))
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
