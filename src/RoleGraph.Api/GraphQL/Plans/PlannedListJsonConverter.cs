using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>Writes a planned list; answers are only written, never read.</summary>
internal sealed class PlannedListJsonConverter : JsonConverter<PlannedListExecutionNode>
{
    public override PlannedListExecutionNode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A planned list is written, never read.");

    public override void Write(Utf8JsonWriter writer, PlannedListExecutionNode value, JsonSerializerOptions options) =>
        value.Plan.Write(writer, value.Values!, options);
}
