namespace RoleGraph.Api.GraphQL.QueryPower;

/// <summary>Reading the dictionaries GraphQL.NET hands an input type's ParseDictionary.</summary>
internal static class InputValues
{
    public static object? Get(IDictionary<string, object?> value, string key) => value.TryGetValue(key, out var v) ? v : null;

    public static T[]? List<T>(IDictionary<string, object?> value, string key) => (Get(value, key) as IEnumerable<object?>)?.OfType<T>().ToArray();

    public static double? Number(IDictionary<string, object?> value, string key) => Get(value, key) switch
    {
        double d => d,
        float f => f,
        decimal m => (double)m,
        int i => i,
        long l => l,
        _ => null,
    };

    public static double[]? Numbers(IDictionary<string, object?> value, string key) =>
        (Get(value, key) as IEnumerable<object?>)?.Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
