using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoleGraph.Embedded;

/// <summary>
/// The JSON the data file holds (journal lines, and snapshots of format version 1), with its serializers generated at
/// compile time: the published service is compiled ahead of time and cannot generate them at run time. Web defaults
/// (camelCase), nulls left out, and unknown fields refused, as the journal has always been written and read.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(SnapshotFileContent))]
internal sealed partial class DataFileJsonContext : JsonSerializerContext;
