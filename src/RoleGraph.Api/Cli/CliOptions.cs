using System.CommandLine;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Api.Cli;

/// <summary>Options several verbs share.</summary>
internal static class CliOptions
{
    public static Option<string?> DataFile() => new("--data-file")
    {
        Description = "The embedded store's data file (default: RoleGraph:Embedded:DataFile, i.e. data/rolegraph.json in the current directory).",
    };

    public static Option<bool> DryRun() => new("--dry-run") { Description = "Validate and report what would change, but write nothing." };

    public static Option<ImportMode> Mode() => new("--mode")
    {
        Description = "merge: create and update, keep the rest; replace: afterwards the store holds exactly the input.",
        DefaultValueFactory = _ => ImportMode.Merge,
    };

    public static Option<TaxonomyFormat> Format() => new("--format")
    {
        Description = "yaml or json.",
        DefaultValueFactory = _ => TaxonomyFormat.Yaml,
    };

    public static void PrintReport(TextWriter output, EditReport report)
    {
        var verb = report.DryRun ? "would be" : "were";
        output.WriteLine($"Nodes {verb}: {report.Nodes.Created} created, {report.Nodes.Updated} updated, {report.Nodes.Unchanged} unchanged, {report.Nodes.Deleted} deleted.");
        output.WriteLine($"Links {verb}: {report.Links.Created} created, {report.Links.Updated} updated, {report.Links.Unchanged} unchanged, {report.Links.Deleted} deleted.");
        if (report.DryRun)
        {
            output.WriteLine("Dry run: nothing was written.");
        }
    }

    public static void PrintProblems(TextWriter error, IEnumerable<TaxonomyProblem> problems)
    {
        var list = problems.ToList();
        foreach (var problem in list)
        {
            error.WriteLine(problem);
        }

        error.WriteLine($"{list.Count} problem{(list.Count == 1 ? "" : "s")}; nothing was changed.");
    }
}
