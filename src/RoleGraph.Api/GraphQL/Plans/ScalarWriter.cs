using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>
/// Writes a serialized leaf value as GraphQL.SystemTextJson does (JsonSerializer.Serialize of the value as an object),
/// calling the writer directly for strings, doubles, ints and booleans where the options leave those to the built-in
/// converters, whose whole work that call is.
/// </summary>
internal static class ScalarWriter
{
    private static readonly Type[] FastTypes = [typeof(object), typeof(string), typeof(double), typeof(int), typeof(bool)];

    private static OptionsCheck? _last;

    /// <summary>Whether the built-in converters write the fast types under these options (checked once per options object).</summary>
    public static bool AllowsFastPath(JsonSerializerOptions options)
    {
        if (_last is { } last && ReferenceEquals(last.Options, options))
        {
            return last.Fast;
        }

        var fast = options.NumberHandling == JsonNumberHandling.Strict
            && !options.Converters.Any(converter => FastTypes.Any(converter.CanConvert));
        _last = new OptionsCheck(options, fast);
        return fast;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = SameAsGraphQLSystemTextJson)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = SameAsGraphQLSystemTextJson)]
    public static void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options, bool fast)
    {
        switch (value)
        {
            case null when fast:
                writer.WriteNullValue();
                return;
            case string text when fast:
                writer.WriteStringValue(text);
                return;
            case double number when fast:
                writer.WriteNumberValue(number);
                return;
            case int number when fast:
                writer.WriteNumberValue(number);
                return;
            case bool flag when fast:
                writer.WriteBooleanValue(flag);
                return;
            default:
                JsonSerializer.Serialize(writer, value, options);
                return;
        }
    }

    /// <summary>Why the fallback's reflection is acceptable in the ahead-of-time compiled service.</summary>
    private const string SameAsGraphQLSystemTextJson =
        "The fallback is the call GraphQL.SystemTextJson makes for every leaf value, with its options; leaf values are the "
        + "schema's scalars (built-in types such as long or DateTime), whose converters the published image keeps; "
        + "the published-service tests (tests/RoleGraph.IntegrationTests/Published) write them.";

    private sealed record OptionsCheck(JsonSerializerOptions Options, bool Fast);
}
