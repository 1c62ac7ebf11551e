using System.Text.Json;
using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>
/// A selection set on one object type in which every field is a plain accessor, compiled once per cached document:
/// the object's first slot holds this plan, then each field's value (an object field nests its own slots).
/// </summary>
internal sealed class ObjectPlan(IObjectGraphType type, PlannedField[] fields, int slots) : ValuePlan
{
    public IObjectGraphType Type => type;

    public IReadOnlyList<PlannedField> Fields => fields;

    public override int Slots => slots;

    /// <summary>The type check of the object, each field's accessor, each scalar's Serialize and the non-null rules.</summary>
    public override bool TryRead(object source, object?[] values, int offset, ISchema schema)
    {
        if (type.IsTypeOf is { } isTypeOf && !type.SkipTypeCheck && !isTypeOf(source))
        {
            return false;
        }

        values[offset] = this;
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

                if (!nested.TryRead(value, values, offset + field.Slot, schema))
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

    /// <summary>Writes the fields of an object this plan read at <paramref name="offset"/>.</summary>
    public void WriteFields(Utf8JsonWriter writer, object?[] values, int offset, JsonSerializerOptions options, bool fastScalars)
    {
        writer.WriteStartObject();
        var naming = options.PropertyNamingPolicy;
        foreach (var field in fields)
        {
            writer.WritePropertyName(naming is null ? field.ResponseName : naming.ConvertName(field.ResponseName));
            if (field.Object is { } nested)
            {
                Write(writer, values, offset + field.Slot, options, fastScalars);
            }
            else
            {
                ScalarWriter.Write(writer, field.Accessor is null ? field.TypeName : values[offset + field.Slot], options, fastScalars);
            }
        }

        writer.WriteEndObject();
    }
}
