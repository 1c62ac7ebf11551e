using System.Runtime.CompilerServices;
using GraphQL.Execution;
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
/// </summary>
internal sealed class RepeatedSelectionStrategy(ValidatedDocumentCache validated) : SerialExecutionStrategy
{
    private readonly ConditionalWeakTable<GraphQLSelectionSet, CollectedFields> _collected = [];

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
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var subFields = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            subFields[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }

        parent.SubFields = subFields;
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

        return new CollectedFields(parentType, fields);
    }

    private sealed record CollectedFields(IGraphType? Type, (GraphQLField Field, FieldType Definition)[]? Fields);
}
