using RoleGraph.Core.Model;

namespace RoleGraph.Api.GraphQL.Paging;

/// <summary>A node type served as a paged list; its names make the connection, edge, filter and sort type names.</summary>
internal interface IListedNodeType
{
    /// <summary>The node type's GraphQL name, e.g. Role (giving RoleFilterInput, RoleSortInput).</summary>
    static abstract string TypeName { get; }

    /// <summary>The list's name in type names, e.g. Roles (giving RolesConnection, RolesEdge).</summary>
    static abstract string ListName { get; }

    static abstract NodeKind Kind { get; }
}
