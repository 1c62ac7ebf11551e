using RoleGraph.Core.Model;

namespace RoleGraph.Core.Store;

/// <summary>How much the store holds.</summary>
public sealed record GraphStatistics(IReadOnlyDictionary<NodeKind, int> NodesByKind, int Links)
{
    public int Nodes => NodesByKind.Values.Sum();
}
