using System.Collections;
using System.Text.Json;
using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>A list field whose items are objects with an <see cref="ObjectPlan"/>: the unit a planned node reads and writes.</summary>
internal sealed class ListPlan(ValuePlan item, bool itemsNonNull)
{
    public ValuePlan Item => item;

    public bool ItemsNonNull => itemsNonNull;

    /// <summary>
    /// The list a resolver returned, enumerated once (so a lazy sequence is not run twice when the plan gives the list
    /// back to GraphQL.NET), or null if it is no list: GraphQL.NET reports that.
    /// </summary>
    public static IList? Items(object? result) =>
        result is IEnumerable data and not string ? data as IList ?? data.Cast<object?>().ToList() : null;

    /// <summary>
    /// The slots of every item of a resolved list, or null where GraphQL.NET must complete the list itself (a null item in a list of non-null items, or any item the plan cannot read exactly: see
    /// <see cref="ObjectPlan.TryRead"/>). An accessor that throws despite its promise also sends the list back.
    /// </summary>
    public PlannedValues? TryRead(IList items, ISchema schema)
    {
        var values = new object?[items.Count * item.Slots];
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is { } source)
                {
                    if (!item.TryRead(source, values, i * item.Slots, schema))
                    {
                        return null;
                    }
                }
                else if (itemsNonNull)
                {
                    return null;
                }
            }
        }
#pragma warning disable CA1031 // Any failure means "let GraphQL.NET do it": it reports the error in its own words.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        return new PlannedValues(values, items.Count);
    }

    public void Write(Utf8JsonWriter writer, PlannedValues planned, JsonSerializerOptions options)
    {
        var fast = ScalarWriter.AllowsFastPath(options);
        writer.WriteStartArray();
        for (var i = 0; i < planned.Count; i++)
        {
            ValuePlan.Write(writer, planned.Values, i * item.Slots, options, fast);
        }

        writer.WriteEndArray();
    }
}
