namespace RoleGraph.Core.Algorithms;

/// <summary>How a search text matched a name or alias, best first.</summary>
public enum SearchMatch
{
    /// <summary>The whole name or alias equals the text.</summary>
    Exact,

    /// <summary>The name or alias starts with the text.</summary>
    Prefix,

    /// <summary>A later word of the name or alias starts with the text.</summary>
    Token,

    /// <summary>The text occurs anywhere else in the name or alias.</summary>
    Substring,
}
