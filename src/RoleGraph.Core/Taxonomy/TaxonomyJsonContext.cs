using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoleGraph.Core.Taxonomy;

/// <summary>
/// The taxonomy format in JSON, generated at build time so that Native AOT needs no reflection: the web defaults
/// (camelCase names, read whatever their case), unknown fields refused, nulls left out, indented as files are written.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(TaxonomyFile))]
internal sealed partial class TaxonomyJsonContext : JsonSerializerContext;
