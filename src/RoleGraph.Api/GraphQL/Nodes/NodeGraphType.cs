using System.Diagnostics.CodeAnalysis;
using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Api.GraphQL.QueryPower;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.Nodes;

/// <summary>The fields every kind of node has, and helpers for the linked-node fields each kind adds.</summary>
internal abstract class NodeGraphType : ObjectGraphType<GraphNode>
{
    protected NodeGraphType(NodeKind kind, string name, string description)
    {
        Name = name;
        Description = description;
        Interface<NodeInterface>();
        IsTypeOf = source => source is GraphNode node && node.Kind == kind;

        Field<NonNullGraphType<IdGraphType>>("id").Description("The node's id: a readable slug, unique across the whole graph.").PlainAccessor(n => n.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The display name.").PlainAccessor(n => n.Name);
        Field<NonNullGraphType<NodeKindType>>("kind").Description("The kind of node.").PlainAccessor(n => n.Kind);
        Field<StringGraphType>("description").Description("A longer description, where the taxonomy gives one.").PlainAccessor(n => n.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other names the node is known by; search matches them too.")
            .Resolve(c => c.Source.Aliases);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PropertyType>>>>("properties")
            .Description("Further facts the taxonomy records about the node, ordered by key.")
            .Resolve(c => c.Source.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        LinkConnections.AddTo(this, kind);
    }

    /// <summary>A list field of the nodes linked over one relation, batched per response level.</summary>
    protected void LinkedNodes<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TGraphType>(string name, string description, RelationKind relation, LinkDirection direction, NodeKind? only = null)
        where TGraphType : IGraphType =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TGraphType>>>>(name)
            .Description(description)
            .Resolve(c => c.Links().Load(c.Source.Id, relation, direction, linked =>
                linked.Select(l => l.Node).Where(n => only is null || n.Kind == only)));

    /// <summary>A list field of role links (with weights) seen from either end.</summary>
    protected void RoleLinks<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TGraphType>(string name, string description, RelationKind relation, LinkDirection direction)
        where TGraphType : IGraphType =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TGraphType>>>>(name)
            .Description(description)
            .Resolve(c =>
            {
                var self = c.Source;
                return c.Links().Load(self.Id, relation, direction, linked => linked.Select(l =>
                    direction == LinkDirection.Outgoing ? new RoleLink(self, l.Node, l.Link) : new RoleLink(l.Node, self, l.Link)));
            });
}
