namespace RoleGraph.Core.Store;

/// <summary>Which end of a stored link the given node is on.</summary>
public enum LinkDirection
{
    /// <summary>The node is the link's source: Role -REQUIRES-> Skill seen from the role.</summary>
    Outgoing,

    /// <summary>The node is the link's target: the same link seen from the skill.</summary>
    Incoming,
}
