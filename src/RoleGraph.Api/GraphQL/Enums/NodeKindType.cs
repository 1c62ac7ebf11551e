using GraphQL.Types;
using RoleGraph.Core.Model;

namespace RoleGraph.Api.GraphQL.Enums;

internal sealed class NodeKindType : EnumerationGraphType<NodeKind>
{
    public NodeKindType()
    {
        Name = "NodeKind";
        Description = "The kinds of node in the role graph.";
        Describe("ROLE", "A job role, such as Data Scientist.");
        Describe("SKILL", "A skill or area of knowledge a role requires, such as Python or statistical analysis.");
        Describe("TOOL", "A tool, technology or platform a role uses, such as TensorFlow or AWS.");
        Describe("RESPONSIBILITY", "A task or duty a role is responsible for.");
        Describe("CATEGORY", "A category that groups skills and tools; categories nest.");
    }

    private void Describe(string value, string description) => Values[value]!.Description = description;
}
