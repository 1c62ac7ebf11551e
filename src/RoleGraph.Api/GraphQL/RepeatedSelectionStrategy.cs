using System.Runtime.CompilerServices;
using GraphQL.Execution;
using Microsoft.Extensions.Options;
using RoleGraph.Api.GraphQL.Plans;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using GraphQL.Types;
using GraphQLParser.AST;
using RoleGraph.Api.Http;

namespace RoleGraph.Api.GraphQL;

/// <summary>
/// GraphQL.NET's serial strategy (see <see cref="GraphQLServiceCollectionExtensions"/> for why serial), with the
/// fields of a selection collected once per document instead of once per object in the answer. GraphQL.NET collects
/// them again for every item of a list (64 skills: 128 collections of the same two selection sets, a dictionary and
/// a field lookup by name each time); a profile of role-with-skills over HTTP put that at ~6 % of the request.
/// Only selection sets of documents from <see cref="ValidatedDocumentCache"/> are remembered (those objects come back
/// with every repeat; others would only fill the table), and only plain ones: fields without directives, fragments
/// or repeated response keys, whose collection depends on nothing but the selection set and the object type. Any
/// other selection set is collected by GraphQL.NET as before, so @skip/@include, fragments and field merging keep
/// their exact semantics.
/// <para>
/// Such documents also get compiled plans (unless <see cref="CompiledPlanOptions.CompiledPlans"/> is off): a list field
/// whose selection subtree is plain (see <see cref="PlanCompiler"/>) becomes a <see cref="PlannedListExecutionNode"/>,
/// whose items are read and written by the plan compiled with the collected fields, instead of GraphQL.NET's node,
/// resolve context and value per field per item.
/// </para>
/// </summary>
internal sealed class RepeatedSelectionStrategy(ValidatedDocumentCache validated, IOptions<CompiledPlanOptions> options) : SerialExecutionStrategy
{
    private readonly ConditionalWeakTable<GraphQLSelectionSet, CollectedFields> _collected = [];

    private readonly bool _plans = options.Value.CompiledPlans;

    // Plans of list fields that GraphQL.NET collected, by the field's node (merged fields are new nodes each time).
    private readonly ConditionalWeakTable<GraphQLField, FieldPlan> _fieldPlans = [];

    [ThreadStatic]
    private static bool _planFieldsHere;

    private long _plannedLists;
    private long _givenBack;

    /// <summary>Lists completed by a compiled plan since start (what the tests check plans by).</summary>
    public long PlannedLists => Interlocked.Read(ref _plannedLists);

    /// <summary>Planned lists the plan gave back to GraphQL.NET since start.</summary>
    public long GivenBack => Interlocked.Read(ref _givenBack);

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var selectionSet = parent.SelectionSet;
        if (selectionSet is null || !validated.Holds(context.Document))
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var parentType = (IGraphType?)parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        if (!_collected.TryGetValue(selectionSet, out var collected) || !ReferenceEquals(collected.Type, parentType))
        {
            collected = Collect(context.Schema, parentType, selectionSet);
            _collected.AddOrUpdate(selectionSet, collected);
        }

        if (collected.Fields is not { } fields)
        {
            // GraphQL.NET collects this one (fragments, directives, merged fields); the lists it builds may still be plain.
            _planFieldsHere = _plans;
            try
            {
                base.SetSubFieldNodes(context, parent);
            }
            finally
            {
                _planFieldsHere = false;
            }

            return;
        }

        var subFields = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            subFields[i] = collected.Plans?[i] is { } plan
                ? new PlannedListExecutionNode(parent, definition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType! : definition.ResolvedType!, field, definition, plan)
                : BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }

        parent.SubFields = subFields;
    }

    /// <summary>
    /// Builds a planned node for a plain list field that GraphQL.NET's own collection found (only while
    /// <see cref="SetSubFieldNodes"/> collects for a cached document, on this thread), GraphQL.NET's node otherwise.
    /// </summary>
    protected override ExecutionNode BuildExecutionNode(ExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, int? indexInParentNode = null)
    {
        var unwrapped = graphType is NonNullGraphType nonNull ? nonNull.ResolvedType! : graphType;
        if (_planFieldsHere && indexInParentNode is null && unwrapped is ListGraphType && parent is ObjectExecutionNode objectParent)
        {
            if (!_fieldPlans.TryGetValue(field, out var known) || !ReferenceEquals(known.Definition, fieldDefinition))
            {
                known = new FieldPlan(fieldDefinition, PlanCompiler.CompileList(fieldDefinition, field));
                _fieldPlans.AddOrUpdate(field, known);
            }

            if (known.Plan is { } plan)
            {
                return new PlannedListExecutionNode(objectParent, unwrapped, field, fieldDefinition, plan);
            }
        }

        return base.BuildExecutionNode(parent, graphType, field, fieldDefinition, indexInParentNode);
    }

    /// <summary>
    /// Completes a planned list by its plan, or gives it back to GraphQL.NET (its own array node, completed as usual)
    /// where the plan cannot read it exactly; every other node completes as before.
    /// </summary>
    protected override Task CompleteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        if (node is not PlannedListExecutionNode planned)
        {
            return base.CompleteNodeAsync(context, node);
        }

        var items = ListPlan.Items(planned.Result);
        if (items is not null && planned.Plan.TryRead(items, context.Schema) is { } values)
        {
            planned.Values = values;
            Interlocked.Increment(ref _plannedLists);
            return Task.CompletedTask;
        }

        Interlocked.Increment(ref _givenBack);
        return base.CompleteNodeAsync(context, planned.FallBack(items ?? planned.Result));
    }

    /// <summary>The fields of a plain selection set in order, or no fields (collect as GraphQL.NET does) otherwise.</summary>
    private CollectedFields Collect(ISchema schema, IGraphType? parentType, GraphQLSelectionSet selectionSet)
    {
        if (parentType is not IComplexGraphType complexType)
        {
            return new CollectedFields(parentType, null);
        }

        var fields = new (GraphQLField, FieldType)[selectionSet.Selections.Count];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            if (selectionSet.Selections[i] is not GraphQLField { Directives: null } field
                || GetFieldDefinition(schema, complexType, field) is not { } definition
                || !keys.Add(field.Alias is { } alias ? alias.Name.StringValue : definition.Name))
            {
                return new CollectedFields(parentType, null);
            }

            fields[i] = (field, definition);
        }

        var plans = _plans ? fields.Select(f => PlanCompiler.CompileList(f.Item2, f.Item1)).ToArray() : null;
        return new CollectedFields(parentType, fields, plans is not null && plans.Any(p => p is not null) ? plans : null);
    }

    private sealed record FieldPlan(FieldType Definition, ListPlan? Plan);

    private sealed record CollectedFields(IGraphType? Type, (GraphQLField Field, FieldType Definition)[]? Fields, ListPlan?[]? Plans = null);
}
