using RoleGraph.Core.Model;

namespace RoleGraph.Core.Queries;

/// <summary>Ranked, case-insensitive matching on names and aliases.</summary>
public sealed record SearchQuery(string Text, IReadOnlyList<NodeKind>? Kinds = null, int First = SearchQuery.DefaultFirst)
{
    public const int DefaultFirst = 20;
    public const int MaxFirst = 100;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            throw new GraphInputException("Argument 'text' must not be empty.", "text", Text);
        }

        if (First < 1 || First > MaxFirst)
        {
            throw GraphInputException.OutOfRange("first", First, 1, MaxFirst);
        }
    }
}
