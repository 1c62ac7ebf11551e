namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>Settings of GraphQL execution (section RoleGraph:GraphQL).</summary>
internal sealed class CompiledPlanOptions
{
    public const string SectionName = "RoleGraph:GraphQL";

    /// <summary>
    /// Whether repeated documents run plain list fields through compiled plans (see <see cref="PlanCompiler"/>).
    /// Answers are the same byte for byte either way; off is for comparing the two.
    /// </summary>
    public bool CompiledPlans { get; set; } = true;
}
