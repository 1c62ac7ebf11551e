using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RoleGraph.Core.Taxonomy;

/// <summary>Reads taxonomy files (YAML or JSON, chosen by extension) and validates them into one document.</summary>
public static class TaxonomyReader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static bool IsTaxonomyFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml" or ".json" && !path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads and validates several files as one taxonomy (ids must be unique across all of them).</summary>
    public static TaxonomyDocument ReadFiles(IEnumerable<string> paths)
    {
        var parsed = new List<(string, TaxonomyFile)>();
        var problems = new List<TaxonomyProblem>();
        foreach (var path in paths)
        {
            try
            {
                parsed.Add((path, Parse(path, File.ReadAllText(path))));
            }
            catch (YamlException e)
            {
                problems.Add(new TaxonomyProblem(path, $"line {e.Start.Line}:{e.Start.Column}", (e.InnerException ?? e).Message));
            }
            catch (JsonException e)
            {
                problems.Add(new TaxonomyProblem(path, $"{e.Path} (line {e.LineNumber + 1}:{e.BytePositionInLine + 1})", e.Message));
            }
        }

        if (problems.Count > 0)
        {
            throw new TaxonomyValidationException(problems);
        }

        return TaxonomyValidator.Validate(parsed);
    }

    /// <summary>Every taxonomy file of a directory, in name order.</summary>
    public static TaxonomyDocument ReadDirectory(string directory) =>
        ReadFiles(Directory.EnumerateFiles(directory).Where(IsTaxonomyFile).Order(StringComparer.Ordinal));

    private static TaxonomyFile Parse(string path, string text) =>
        Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonSerializer.Deserialize<TaxonomyFile>(text, Json) ?? new TaxonomyFile()
            : Yaml.Deserialize<TaxonomyFile?>(text) ?? new TaxonomyFile();
}
