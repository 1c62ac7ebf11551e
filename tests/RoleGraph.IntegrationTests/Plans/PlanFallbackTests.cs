using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Api.GraphQL;
using RoleGraph.Api.GraphQL.Plans;
using RoleGraph.Api.Http;

namespace RoleGraph.Tests.Plans;

/// <summary>
/// A plan reads a list only where it can answer exactly as GraphQL.NET: a null where the schema forbids one, an item
/// of the wrong type, or an accessor that throws gives the list back to GraphQL.NET, which reports the error in its
/// own words. A small schema of its own lets these cases happen (RoleGraph's store never yields them); each document
/// runs through the real strategy and serializer with plans on and off, and the bodies must be the same.
/// </summary>
public sealed class PlanFallbackTests
{
    private static readonly Item A = new("a", 1.5);
    private static readonly Item B = new("b", null);

    [Fact]
    public async Task A_plain_list_is_planned_and_written_as_GraphQL_NET_writes_it()
    {
        var (on, off, strategy) = await RunBothAsync("{ items { name score t: __typename } }", [A, B]);

        Assert.Equal(off, on);
        Assert.Equal("""{"data":{"items":[{"name":"a","score":1.5,"t":"Item"},{"name":"b","score":null,"t":"Item"}]}}""", on);
        Assert.Equal((1, 0), (strategy.PlannedLists, strategy.GivenBack));
    }

    [Fact]
    public async Task A_null_item_of_a_nullable_list_is_written_as_null()
    {
        var (on, off, strategy) = await RunBothAsync("{ maybe { name } }", [A, null]);

        Assert.Equal(off, on);
        Assert.Equal("""{"data":{"maybe":[{"name":"a"},null]}}""", on);
        Assert.Equal(1, strategy.PlannedLists);
    }

    [Fact]
    public async Task A_null_for_a_non_null_field_is_left_to_GraphQL_NET()
    {
        var (on, off, strategy) = await RunBothAsync("{ items { name } }", [A, new Item(null, 2)]);

        Assert.Equal(off, on);
        var error = JsonNode.Parse(on)!["errors"]![0]!;
        Assert.Equal("""["items",1,"name"]""", error["path"]!.ToJsonString());
        Assert.Null(JsonNode.Parse(on)!["data"]);
        Assert.Equal((0, 1), (strategy.PlannedLists, strategy.GivenBack));
    }

    [Fact]
    public async Task A_null_item_of_a_list_of_non_null_items_is_left_to_GraphQL_NET()
    {
        var (on, off, strategy) = await RunBothAsync("{ items { name } }", [A, null]);

        Assert.Equal(off, on);
        Assert.Contains("\"path\":[\"items\",1]", on, StringComparison.Ordinal);
        Assert.Equal(1, strategy.GivenBack);
    }

    [Fact]
    public async Task An_item_of_another_type_is_left_to_GraphQL_NET()
    {
        var (on, off, strategy) = await RunBothAsync("{ maybe { name } }", [A, "not an item"]);

        Assert.Equal(off, on);
        Assert.Contains("\"path\":[\"maybe\",1]", on, StringComparison.Ordinal);
        Assert.Equal(1, strategy.GivenBack);
    }

    [Fact]
    public async Task An_accessor_that_throws_is_left_to_GraphQL_NET()
    {
        var (on, off, strategy) = await RunBothAsync("{ maybe { name broken } }", [A]);

        Assert.Equal(off, on);
        Assert.Contains("\"path\":[\"maybe\",0,\"broken\"]", on, StringComparison.Ordinal);
        Assert.Equal(1, strategy.GivenBack);
    }

    /// <summary>The document, cached before it runs (so plans apply), with plans on and off.</summary>
    private static async Task<(string On, string Off, RepeatedSelectionStrategy Strategy)> RunBothAsync(string query, object?[] items)
    {
        var (on, strategy) = await RunAsync(query, items, plans: true);
        var (off, _) = await RunAsync(query, items, plans: false);
        return (on, off, strategy);
    }

    private static async Task<(string Body, RepeatedSelectionStrategy Strategy)> RunAsync(string query, object?[] items, bool plans)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ValidatedDocumentCache>();
        services.AddOptions<CompiledPlanOptions>().Configure(o => o.CompiledPlans = plans);
        services.AddGraphQL(graphQL => graphQL
            .AddSchema(_ => new Schema { Query = new TestQuery(items) })
            .AddExecutionStrategy<RepeatedSelectionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddSystemTextJson());
        await using var provider = services.BuildServiceProvider();
        var executer = provider.GetRequiredService<IDocumentExecuter>();
        var serializer = provider.GetRequiredService<IGraphQLTextSerializer>();
        var validated = provider.GetRequiredService<ValidatedDocumentCache>();
        var document = GraphQLParser.Parser.Parse(query);
        validated.Add(query, null, document);

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = provider.GetRequiredService<ISchema>(),
            Document = document,
            RequestServices = provider,
            CancellationToken = TestContext.Current.CancellationToken,
        });
        return (serializer.Serialize(result), provider.GetRequiredService<RepeatedSelectionStrategy>());
    }

    internal sealed record Item(string? Name, double? Score)
    {
        public string Broken => throw new InvalidOperationException($"{Name} is broken on purpose");
    }

    private sealed class ItemType : ObjectGraphType<Item>
    {
        public ItemType()
        {
            Name = "Item";
            Field<NonNullGraphType<StringGraphType>>("name").PlainAccessor(i => i.Name);
            Field<FloatGraphType>("score").PlainAccessor(i => i.Score);
            Field<StringGraphType>("broken").PlainAccessor(i => i.Broken);
        }
    }

    private sealed class TestQuery : ObjectGraphType
    {
        public TestQuery(object?[] items)
        {
            Name = "Query";
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemType>>>>("items").Resolve(_ => items);
            Field<ListGraphType<ItemType>>("maybe").Resolve(_ => items);
        }
    }
}
