using System.Text.Json;
using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>
/// How to read and write an object-valued position of a plan (a list item or an object field). Its values take
/// <see cref="Slots"/> consecutive slots: the first holds the <see cref="ObjectPlan"/> that read the object (null
/// for a null object), then that plan's fields.
/// </summary>
internal abstract class ValuePlan
{
    public abstract int Slots { get; }

    /// <summary>
    /// Reads <paramref name="source"/> (not null) into <paramref name="values"/> at <paramref name="offset"/> exactly as
    /// GraphQL.NET would complete it, or returns false where GraphQL.NET would report an error or take a path the plan
    /// does not copy; the caller then lets GraphQL.NET run.
    /// </summary>
    public abstract bool TryRead(object source, object?[] values, int offset, ISchema schema);

    /// <summary>Writes the object at <paramref name="offset"/> as GraphQL.SystemTextJson's converter writes an object node.</summary>
    public static void Write(Utf8JsonWriter writer, object?[] values, int offset, JsonSerializerOptions options, bool fastScalars)
    {
        if (values[offset] is ObjectPlan plan)
        {
            plan.WriteFields(writer, values, offset, options, fastScalars);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
