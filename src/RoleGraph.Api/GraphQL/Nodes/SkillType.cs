using RoleGraph.Api.GraphQL.Paging;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Loading;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.Nodes;

internal sealed class SkillType : NodeGraphType, IListedNodeType
{
    public static string TypeName => "Skill";

    public static string ListName => "Skills";

    public static NodeKind Kind => NodeKind.Skill;

    public SkillType()
        : base(Kind, TypeName, "A skill or area of knowledge that roles require, such as Python or statistical analysis.")
    {
        RoleLinks<RoleSkillType>("roles", "The roles that require this skill, with importance and level; most important first, then by name.", RelationKind.Requires, LinkDirection.Incoming);
        LinkedNodes<ToolType>("tools", "The tools that support this skill (Tool -SUPPORTS-> Skill), by name.", RelationKind.Supports, LinkDirection.Incoming);
        LinkedNodes<CategoryType>("categories", "The categories this skill is in, by name.", RelationKind.InCategory, LinkDirection.Outgoing);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillType>>>>("related")
            .Description("Skills related to this one (RELATED_TO, either direction), by name.")
            .Resolve(c =>
            {
                var links = c.Links();
                return new CombinedLoadResult<IReadOnlyList<LinkedNode>, IReadOnlyList<LinkedNode>, IEnumerable<GraphNode>>(
                    links.Load(c.Source.Id, RelationKind.RelatedTo, LinkDirection.Outgoing),
                    links.Load(c.Source.Id, RelationKind.RelatedTo, LinkDirection.Incoming),
                    (outgoing, incoming) => outgoing.Concat(incoming).Select(l => l.Node).DistinctBy(n => n.Id)
                        .OrderBy(n => n.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal));
            });
    }
}
