using System.Text.Json;
using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>
/// A selection set on one object type in which every field is a plain accessor, compiled once per cached document.
/// An object's values take <see cref="Slots"/> consecutive slots: the first says whether the object is there (null
/// for a null object), then each field's value (an object field nests its own slots).
/// </summary>
internal sealed class ObjectPlan(IObjectGraphType type, PlannedField[] fields, int slots)
{
    /// <summary>Stands in the first slot of an object that is present.</summary>
    internal static readonly object Present = new();

    public IObjectGraphType Type => type;

    public IReadOnlyList<PlannedField> Fields => fields;

    public int Slots => slots;

    /// <summary>
    /// Reads <paramref name="source"/> into <paramref name="values"/> at <paramref name="offset"/> exactly as GraphQL.NET
    /// would complete it: the type check of the object, each scalar's Serialize, and the non-null rules. False where
    /// GraphQL.NET would report an error or take a path the plan does not copy; the caller then lets GraphQL.NET run.
    /// </summary>
    public bool TryRead(object source, object?[] values, int offset)
    {
        if (type.IsTypeOf is { } isTypeOf && !type.SkipTypeCheck && !isTypeOf(source))
        {
            return false;
        }

        values[offset] = Present;
        foreach (var field in fields)
        {
            if (field.Accessor is not { } accessor)
            {
                continue;
            }

            var value = accessor.Read(source);
            if (field.Object is { } nested)
            {
                if (value is null)
                {
                    if (field.NonNull)
                    {
                        return false;
                    }

                    continue;
                }

                if (!nested.TryRead(value, values, offset + field.Slot))
                {
                    return false;
                }

                continue;
            }

            var serialized = field.Scalar!.Serialize(value);
            if (serialized is null && field.NonNull)
            {
                return false;
            }

            values[offset + field.Slot] = serialized;
        }

        return true;
    }

    /// <summary>Writes the object at <paramref name="offset"/> as GraphQL.SystemTextJson's converter writes an object node.</summary>
    public void Write(Utf8JsonWriter writer, object?[] values, int offset, JsonSerializerOptions options, bool fastScalars)
    {
        if (values[offset] is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        var naming = options.PropertyNamingPolicy;
        foreach (var field in fields)
        {
            writer.WritePropertyName(naming is null ? field.ResponseName : naming.ConvertName(field.ResponseName));
            if (field.Object is { } nested)
            {
                nested.Write(writer, values, offset + field.Slot, options, fastScalars);
            }
            else
            {
                ScalarWriter.Write(writer, field.Accessor is null ? field.TypeName : values[offset + field.Slot], options, fastScalars);
            }
        }

        writer.WriteEndObject();
    }
}
