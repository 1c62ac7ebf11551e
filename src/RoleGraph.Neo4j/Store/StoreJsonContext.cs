using System.Text.Json;
using System.Text.Json.Serialization;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Neo4j.Store;

/// <summary>
/// The JSON the store keeps in string properties: a node's properties and the graph's sources. Generated at build
/// time, so it needs no reflection when the service runs trimmed under Native AOT.
/// </summary>
/// <remarks>
/// Web defaults because the sources have always been written with them (camelCase names, read back in any case).
/// The properties were written with the general defaults; for a string map the two give the same bytes, since naming
/// and case-insensitive matching apply to an object's members and not to a dictionary's keys, and the escaping is the
/// default encoder's under both.
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<TaxonomyHeader>))]
[JsonSerializable(typeof(TaxonomyHeader[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
