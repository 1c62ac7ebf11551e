using GraphQL.Types;
using GraphQLParser.AST;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>
/// Decides which list fields of a document get a compiled plan, and compiles it. A list qualifies when its items are
/// objects (of an object type, or of an interface or union whose every possible type compiles) and its whole
/// selection subtree is plain: every selection a field
/// without arguments or directives (no fragments, so no type conditions and no @skip/@include), response keys
/// unique (no field merging), every field __typename or a <see cref="PlainAccessor"/> still resolved by its own
/// resolver, every leaf a scalar or enum and every object field's subtree plain for its type (each possible type of an
/// interface or union). Lists
/// inside the subtree do not qualify (each would need its own null rules); the field is then left to GraphQL.NET.
/// Anything else returns null, and GraphQL.NET executes the field exactly as before.
/// </summary>
internal static class PlanCompiler
{
    public static ListPlan? CompileList(FieldType definition, GraphQLField field)
    {
        if (Unwrap(definition.ResolvedType, out _) is not ListGraphType list
            || field.SelectionSet is not { } selectionSet
            || CompileValue(Unwrap(list.ResolvedType, out var itemsNonNull), selectionSet) is not { } item)
        {
            return null;
        }

        return new ListPlan(item, itemsNonNull);
    }

    /// <summary>An object type's plan, or an interface's or union's: one plan per possible type, all of which must compile.</summary>
    public static ValuePlan? CompileValue(IGraphType? type, GraphQLSelectionSet selectionSet)
    {
        switch (type)
        {
            case IObjectGraphType objectType:
                return CompileObject(objectType, selectionSet);
            case IAbstractGraphType abstractType when abstractType.PossibleTypes.Count > 0:
                var plans = new Dictionary<IObjectGraphType, ObjectPlan>();
                foreach (var possible in abstractType.PossibleTypes)
                {
                    if (CompileObject(possible, selectionSet) is not { } plan)
                    {
                        return null;
                    }

                    plans[possible] = plan;
                }

                return new AbstractPlan(abstractType, plans);
            default:
                return null;
        }
    }

    public static ObjectPlan? CompileObject(IObjectGraphType type, GraphQLSelectionSet selectionSet)
    {
        var fields = new PlannedField[selectionSet.Selections.Count];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var slots = 1;
        for (var i = 0; i < fields.Length; i++)
        {
            if (selectionSet.Selections[i] is not GraphQLField { Directives: null, Arguments: null } field
                || !keys.Add(field.Alias?.Name.StringValue ?? field.Name.StringValue))
            {
                return null;
            }

            var responseName = field.Alias?.Name.StringValue ?? field.Name.StringValue;
            if (field.Name.Value == "__typename")
            {
                fields[i] = new PlannedField { ResponseName = responseName, Slot = 0, TypeName = type.Name, NonNull = true };
                continue;
            }

            if (type.GetField(field.Name.Value) is not { } definition
                || definition.GetMetadata<PlainAccessor>(PlainAccessor.MetadataKey) is not { } accessor
                || !ReferenceEquals(definition.Resolver, accessor.Resolver)
                || definition.Arguments is { Count: > 0 })
            {
                return null;
            }

            switch (Unwrap(definition.ResolvedType, out var nonNull))
            {
                case ScalarGraphType scalar when field.SelectionSet is null:
                    fields[i] = new PlannedField { ResponseName = responseName, Slot = slots, Accessor = accessor, Scalar = scalar, NonNull = nonNull };
                    slots++;
                    break;
                case IComplexGraphType complex when field.SelectionSet is { } nestedSelection && CompileValue(complex, nestedSelection) is { } nested:
                    fields[i] = new PlannedField { ResponseName = responseName, Slot = slots, Accessor = accessor, Object = nested, NonNull = nonNull };
                    slots += nested.Slots;
                    break;
                default:
                    return null;
            }
        }

        return new ObjectPlan(type, fields, slots);
    }

    private static IGraphType? Unwrap(IGraphType? type, out bool nonNull)
    {
        nonNull = type is NonNullGraphType;
        return type is NonNullGraphType wrapped ? wrapped.ResolvedType : type;
    }
}
