using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Api.GraphQL.Plans;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Plans;

/// <summary>Which list fields of RoleGraph's real schema get a compiled plan, and the shape of the plans they get.</summary>
public sealed class PlanEligibilityTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    [Fact]
    public void Role_with_skills_compiles_to_one_object_plan_with_a_nested_one()
    {
        var plan = Compile("Role", "skills", "{ skill { id name } importance }");

        Assert.NotNull(plan);
        Assert.True(plan.ItemsNonNull);
        var item = Assert.IsType<ObjectPlan>(plan.Item);
        Assert.Equal("RoleSkill", item.Type.Name);
        Assert.Equal(["skill", "importance"], item.Fields.Select(f => f.ResponseName));
        var skill = Assert.IsType<ObjectPlan>(item.Fields[0].Object);
        Assert.Equal(["id", "name"], skill.Fields.Select(f => f.ResponseName));
        Assert.True(item.Fields[0].NonNull);
        Assert.False(item.Fields[1].NonNull);
        // The item's own slot, the skill's slot and its two fields, the importance.
        Assert.Equal(5, item.Slots);
    }

    [Fact]
    public void Aliases_and_typename_are_plain()
    {
        var plan = Compile("Role", "skills", "{ t: __typename s: skill { __typename i: id } w: importance }");

        var item = Assert.IsType<ObjectPlan>(plan?.Item);
        Assert.Equal(["t", "s", "w"], item.Fields.Select(f => f.ResponseName));
        Assert.Equal("RoleSkill", item.Fields[0].TypeName);
        Assert.Equal("Skill", Assert.IsType<ObjectPlan>(item.Fields[1].Object).Fields[0].TypeName);
    }

    [Fact]
    public void An_interface_gets_a_plan_per_possible_type()
    {
        var plan = Compile("Query", "search", "{ node { __typename id } match }");

        var item = Assert.IsType<ObjectPlan>(plan?.Item);
        Assert.IsType<AbstractPlan>(item.Fields[0].Object);
    }

    [Theory]
    [InlineData("a directive", "{ importance @include(if: true) }")]
    [InlineData("a fragment spread", "{ ...F }")]
    [InlineData("an inline fragment", "{ ... on RoleSkill { importance } }")]
    [InlineData("a repeated response key", "{ skill { id } skill { name } }")]
    [InlineData("an alias that repeats a key", "{ importance importance: level }")]
    [InlineData("a list in the subtree", "{ skill { aliases } }")]
    [InlineData("a field that loads", "{ skill { roles { importance } } }")]
    [InlineData("a field with arguments", "{ role { skillsConnection { totalCount } } }")]
    [InlineData("a field resolved by code of its own", "{ role { primaryFocus } }")]
    public void Anything_else_is_left_to_GraphQL_NET(string what, string selection)
    {
        Assert.True(Compile("Role", "skills", selection) is null, what);
    }

    [Fact]
    public void A_field_that_is_not_a_list_gets_no_plan()
    {
        Assert.Null(Compile("Role", "name", ""));
        Assert.Null(Compile("Query", "role", "{ id }"));
    }

    [Fact]
    public void A_field_whose_resolver_was_replaced_is_no_longer_plain()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var name = ((IComplexGraphType)schema.AllTypes["Skill"]!).GetField("name")!;
        var copy = new FieldType { Name = name.Name, ResolvedType = name.ResolvedType, Resolver = new GraphQL.Resolvers.FuncFieldResolver<object>(_ => "x") };
        copy.Metadata[PlainAccessor.MetadataKey] = name.Metadata[PlainAccessor.MetadataKey];
        var type = new ObjectGraphType { Name = "Skill" };
        type.AddField(copy);

        Assert.NotNull(PlanCompiler.CompileObject((IObjectGraphType)schema.AllTypes["Skill"]!, Selection("{ name }")));
        Assert.Null(PlanCompiler.CompileObject(type, Selection("{ name }")));
    }

    private ListPlan? Compile(string typeName, string fieldName, string selection)
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var definition = ((IComplexGraphType)schema.AllTypes[typeName]!).GetField(fieldName)!;
        var document = GraphQLParser.Parser.Parse($"{{ {fieldName} {selection} }} fragment F on RoleSkill {{ importance }}");
        var field = (GraphQLField)((GraphQLOperationDefinition)document.Definitions[0]).SelectionSet.Selections[0];
        return PlanCompiler.CompileList(definition, field);
    }

    private static GraphQLSelectionSet Selection(string selection) =>
        ((GraphQLOperationDefinition)GraphQLParser.Parser.Parse(selection).Definitions[0]).SelectionSet;
}
