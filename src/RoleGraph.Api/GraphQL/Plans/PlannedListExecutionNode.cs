using System.Text.Json.Serialization;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>
/// A list field with a compiled plan: its resolver runs as any field's does (batched loaders included), but its items
/// are read by the plan into one array instead of an execution node, a resolve context and a value per field per item,
/// and written straight to the response by <see cref="PlannedListJsonConverter"/> (GraphQL.SystemTextJson serializes a
/// node type it does not know as the value <see cref="ToValue"/> returns). Where the plan cannot read the list exactly,
/// <see cref="FallBack"/> puts GraphQL.NET's own array node in its place, and this node hands that node's items to
/// the execution strategy, so the rest runs exactly as without plans.
/// </summary>
[JsonConverter(typeof(PlannedListJsonConverter))]
internal sealed class PlannedListExecutionNode(ObjectExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, ListPlan plan)
    : ExecutionNode(parent, graphType, field, fieldDefinition, indexInParentNode: null), IParentExecutionNode
{
    public ListPlan Plan => plan;

    /// <summary>What the plan read; null until then, or when the field resolved to null or failed.</summary>
    public PlannedValues? Values { get; set; }

    /// <summary>GraphQL.NET's node for this field once the plan gave the list back.</summary>
    public ArrayExecutionNode? Fallback { get; private set; }

    public override object? ToValue() => Values is null ? null : this;

    public override bool PropagateNull() => Fallback?.PropagateNull() ?? Values is null;

    /// <summary>Replaces this node in its parent by GraphQL.NET's array node for the same field, holding <paramref name="result"/>.</summary>
    public ArrayExecutionNode FallBack(object? result)
    {
        var array = new ArrayExecutionNode(parent, GraphType, Field, FieldDefinition, indexInParentNode: null) { Result = result };
        var siblings = parent.SubFields!;
        siblings[Array.IndexOf(siblings, this)] = array;
        Fallback = array;
        return array;
    }

    public IEnumerable<ExecutionNode> GetChildNodes() => Fallback?.Items ?? [];

    public void ApplyToChildren<TState>(Action<ExecutionNode, TState> action, TState state, bool reverse = false) =>
        Fallback?.ApplyToChildren(action, state, reverse);
}
