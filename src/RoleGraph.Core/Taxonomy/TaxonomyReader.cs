using RoleGraph.Core.Model;

namespace RoleGraph.Core.Taxonomy;

/// <summary>
/// Reads taxonomy files or texts (YAML or JSON) and validates them into one document. Every problem of every file
/// is reported at once, each with its file, line:column and JSON path; nothing is returned unless all is well.
/// </summary>
public static class TaxonomyReader
{
    public static bool IsTaxonomyFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml" or ".json" && !path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);

    public static TaxonomyFormat FormatOf(string path) =>
        Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase) ? TaxonomyFormat.Json : TaxonomyFormat.Yaml;

    /// <summary>Reads and validates several files as one taxonomy (ids must be unique across all of them).</summary>
    /// <param name="existingKind">For a merge into a store: the kind of a node the store already holds, or null.</param>
    public static TaxonomyDocument ReadFiles(IEnumerable<string> paths, Func<string, NodeKind?>? existingKind = null) =>
        Validate(paths.Select(path => TaxonomyParser.Parse(path, File.ReadAllText(path), FormatOf(path))).ToList(), existingKind);

    /// <summary>Reads and validates a taxonomy given as text (a GraphQL argument, standard input).</summary>
    public static TaxonomyDocument ReadText(string name, string text, TaxonomyFormat format, Func<string, NodeKind?>? existingKind = null) =>
        Validate([TaxonomyParser.Parse(name, text, format)], existingKind);

    /// <summary>Every taxonomy file of a directory, in name order.</summary>
    public static TaxonomyDocument ReadDirectory(string directory) =>
        ReadFiles(Directory.EnumerateFiles(directory).Where(IsTaxonomyFile).Order(StringComparer.Ordinal));

    /// <summary>Validates parsed texts together; problems carry the places their parsers recorded.</summary>
    public static TaxonomyDocument Validate(IReadOnlyList<TaxonomyParser> parsers, Func<string, NodeKind?>? existingKind)
    {
        var problems = parsers.SelectMany(p => p.Problems).ToList();
        if (parsers.Any(p => p.Result is null))
        {
            throw new TaxonomyValidationException(InFileOrder(problems, parsers));
        }

        try
        {
            var document = TaxonomyValidator.Validate(parsers.Select(p => (p.File, p.Result!)).ToList(), existingKind);
            return problems.Count == 0 ? document : throw new TaxonomyValidationException(InFileOrder(problems, parsers));
        }
        catch (TaxonomyValidationException e) when (!ReferenceEquals(e.Problems, problems))
        {
            var reported = problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var problem in e.Problems)
            {
                // A value the parser already rejected (wrong type) reaches the validator as missing: say it once.
                if (reported.Any(path => problem.Path == path || problem.Path.StartsWith(path + ".", StringComparison.Ordinal)))
                {
                    continue;
                }

                var parser = parsers.First(p => p.File == problem.File);
                problems.Add(parser.Locate(problem));
            }

            throw new TaxonomyValidationException(InFileOrder(problems, parsers));
        }
    }

    /// <summary>
    /// The problems as a reader meets them: file by file in the order given, then by line and column. The parser
    /// (types, unknown fields) and the validator (ids, kinds, links) each find theirs in their own pass; listed one
    /// pass after the other, a problem on line 30 would come before one on line 5.
    /// </summary>
    private static List<TaxonomyProblem> InFileOrder(List<TaxonomyProblem> problems, IReadOnlyList<TaxonomyParser> parsers)
    {
        var fileOrder = parsers.Select((p, i) => (p.File, i)).DistinctBy(f => f.File).ToDictionary(f => f.File, f => f.i, StringComparer.Ordinal);
        return problems
            .OrderBy(p => fileOrder.GetValueOrDefault(p.File, int.MaxValue))
            .ThenBy(p => p.Line ?? int.MaxValue)
            .ThenBy(p => p.Column ?? int.MaxValue)
            .ToList();
    }
}
