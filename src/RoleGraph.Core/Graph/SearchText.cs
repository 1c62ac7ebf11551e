namespace RoleGraph.Core.Graph;

/// <summary>
/// Every node's lower-cased name and aliases in one buffer, node after node in index order, each text followed by
/// a NUL. A search scans it with one vectorized ordinal IndexOf and only looks closer at the nodes it hits, instead
/// of calling IndexOf once per name and alias. Built on first use, once per snapshot.
/// </summary>
internal sealed class SearchText
{
    public const char Separator = '\0';

    private SearchText(char[] text, int[] nodeStart) => (Text, NodeStart) = (text, nodeStart);

    public char[] Text { get; }

    /// <summary>Where each node's texts begin; entry n (the node count) is the buffer's length.</summary>
    public int[] NodeStart { get; }

    /// <summary>The node whose texts hold the position.</summary>
    public int NodeAt(int position)
    {
        var found = Array.BinarySearch(NodeStart, position);
        return found >= 0 ? found : ~found - 1;
    }

    public static SearchText Build(GraphSnapshot graph)
    {
        var n = graph.NodeCount;
        var length = 0;
        for (var i = 0; i < n; i++)
        {
            length += graph.LowerName(i).Length + 1;
            foreach (var alias in graph.LowerAliases(i))
            {
                length += alias.Length + 1;
            }
        }

        var text = new char[length];
        var starts = new int[n + 1];
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            starts[i] = at;
            Append(graph.LowerName(i));
            foreach (var alias in graph.LowerAliases(i))
            {
                Append(alias);
            }
        }

        starts[n] = at;
        return new SearchText(text, starts);

        void Append(string value)
        {
            value.CopyTo(text.AsSpan(at));
            at += value.Length;
            text[at++] = Separator;
        }
    }
}
