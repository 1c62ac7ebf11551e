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
    }
}
