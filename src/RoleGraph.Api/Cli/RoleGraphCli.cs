using System.CommandLine;
using System.Diagnostics;
using GraphQL.Types;
using RoleGraph.Api.GraphQL;
using RoleGraph.Api.GraphQL.Errors;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Importing.Onet;
using RoleGraph.Importing.Taxonomy;

namespace RoleGraph.Api.Cli;

/// <summary>
/// The command-line verbs of the API project: `dotnet run --project src/RoleGraph.Api -- VERB ...`.
/// Without a verb, the program runs the service.
/// </summary>
internal static class RoleGraphCli
{
    private static readonly string[] HelpOptions = ["--help", "-h", "-?"];

    /// <summary>
    /// A first argument that is not an option is a verb: a known one runs, a mistyped one is reported as such
    /// rather than starting the service. The service's own arguments (--urls, --RoleGraph:...) are options.
    /// </summary>
    public static bool Handles(string[] args) => args.Length > 0 && (!args[0].StartsWith('-') || HelpOptions.Contains(args[0]));

    public static Task<int> RunAsync(string[] args) => Build().Parse(args).InvokeAsync();

    public static RootCommand Build()
    {
        var root = new RootCommand("RoleGraph: run without a verb to start the service; the verbs below work on taxonomies and the store.");
        root.Add(SchemaCommand());
        root.Add(ValidateCommand());
        root.Add(ImportCommand());
        root.Add(ExportCommand());
        root.Add(ImportOnetCommand());
        return root;
    }

    private static Command SchemaCommand()
    {
        var output = new Option<string?>("--output", "-o") { Description = "Where to write (default: schema.graphql at the repository root)." };
        var export = new Command("export", "Print the served GraphQL schema to schema.graphql, the contract file.") { output };
        export.SetAction(parse =>
        {
            var services = new ServiceCollection().AddLogging().AddRoleGraphGraphQL(exposeInternalDetails: false).BuildServiceProvider();
            var sdl = SchemaSdl.Print(services.GetRequiredService<ISchema>());
            var path = parse.GetValue(output) ?? RepositoryRoot.SchemaFile();
            File.WriteAllText(path, sdl);
            Console.WriteLine($"Wrote {Path.GetFullPath(path)} ({sdl.Length} characters).");
            return ExitCodes.Ok;
        });
        return new Command("schema", "The GraphQL schema.") { export };
    }

    private static Command ValidateCommand()
    {
        var files = new Argument<string[]>("files") { Description = "Taxonomy files (.yaml, .yml, .json), validated together as one taxonomy.", Arity = ArgumentArity.OneOrMore };
        var againstStore = new Option<bool>("--against-store")
        {
            Description = "Check the files as `import` would: against the store, whose nodes a merge may link to (a dry run of the import).",
        };
        var mode = CliOptions.Mode();
        var dataFile = CliOptions.DataFile();
        var command = new Command("validate", "Check taxonomy files on their own (or --against-store, as an import would); report every problem with its place, in file order. Changes nothing.")
        {
            files, againstStore, mode, dataFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(files)!;
            if (MissingFile(paths) is { } missing)
            {
                return missing;
            }

            var what = paths.Length == 1 ? "the file" : $"the {paths.Length} files";
            var alone = paths.Length == 1 ? "on its own" : "on their own";
            if (parse.GetValue(againstStore))
            {
                var importMode = parse.GetValue(mode);
                return await WithStoreAsync(parse.GetValue(dataFile), async store =>
                {
                    var documents = paths.Select(p => (p, File.ReadAllText(p), TaxonomyReader.FormatOf(p))).ToList();
                    var report = await TaxonomyImporter.ImportAsync(store.Store, documents, importMode, dryRun: true, cancellationToken);
                    Console.WriteLine($"Checked {what} against the store, as `import --mode {importMode.ToString().ToLowerInvariant()}` would: valid.");
                    CliOptions.PrintReport(Console.Out, report);
                    return ExitCodes.Ok;
                }, cancellationToken);
            }

            // On its own, a file's links may reach only its own nodes (and those of the other files given); say so,
            // since `import` merges into a store whose nodes they may also reach.
            Console.WriteLine($"Checked {what} {alone}, not against the store: links must reach nodes of the files given (--against-store checks as an import would).");
            try
            {
                var document = TaxonomyReader.ReadFiles(paths);
                Console.WriteLine($"Valid: {document.Nodes.Count} nodes, {document.Links.Count} links.");
                return ExitCodes.Ok;
            }
            catch (TaxonomyValidationException e)
            {
                CliOptions.PrintProblems(Console.Error, e.Problems);
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    private static Command ImportCommand()
    {
        var files = new Argument<string[]>("files") { Description = "Taxonomy files, imported together as one taxonomy.", Arity = ArgumentArity.OneOrMore };
        var mode = CliOptions.Mode();
        var dryRun = CliOptions.DryRun();
        var dataFile = CliOptions.DataFile();
        var command = new Command("import", "Import taxonomy files into the store, atomically; the same files twice change nothing the second time.")
        {
            files, mode, dryRun, dataFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(files)!;
            if (MissingFile(paths) is { } missing)
            {
                return missing;
            }

            return await WithStoreAsync(parse.GetValue(dataFile), async store =>
            {
                var documents = paths.Select(p => (p, File.ReadAllText(p), TaxonomyReader.FormatOf(p))).ToList();
                var report = await TaxonomyImporter.ImportAsync(store.Store, documents, parse.GetValue(mode), parse.GetValue(dryRun), cancellationToken);
                CliOptions.PrintReport(Console.Out, report);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command ExportCommand()
    {
        var format = CliOptions.Format();
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (default: standard output)." };
        var dataFile = CliOptions.DataFile();
        var command = new Command("export", "Write the whole graph as a taxonomy; importing it in replace mode gives the same graph.") { format, output, dataFile };
        command.SetAction(async (parse, cancellationToken) => await WithStoreAsync(parse.GetValue(dataFile), async store =>
        {
            var document = await store.Store.ExportAsync(cancellationToken);
            var path = parse.GetValue(output);
            try
            {
                await using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
                await TaxonomyWriter.WriteAsync(stream, document, parse.GetValue(format), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Cannot write {Path.GetFullPath(path ?? ".")}: {e.Message}");
                return ExitCodes.InvalidInput;
            }

            if (path is not null)
            {
                Console.Error.WriteLine($"Wrote {Path.GetFullPath(path)}: {document.Nodes.Count} nodes, {document.Links.Count} links.");
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command ImportOnetCommand()
    {
        var directory = new Argument<string>("directory") { Description = "The O*NET 29.x text database (e.g. ../shared/datasets/onet-29.3)." };
        var occupations = new Option<string?>("--occupations") { Description = "Only these O*NET-SOC codes, comma-separated (e.g. 15-2051.00,15-1221.00)." };
        var dryRun = CliOptions.DryRun();
        var dataFile = CliOptions.DataFile();
        var command = new Command("import-onet", "Import the O*NET database (roles, skills, knowledge, tools, tasks) into the store, merged with what it holds.")
        {
            directory, occupations, dryRun, dataFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(directory)!;
            if (!Directory.Exists(path))
            {
                Console.Error.WriteLine($"No such directory: {Path.GetFullPath(path)}");
                return ExitCodes.InvalidInput;
            }

            var codes = parse.GetValue(occupations)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            return await WithStoreAsync(parse.GetValue(dataFile), async store =>
            {
                var started = Stopwatch.StartNew();
                try
                {
                    var report = await OnetStoreImport.ImportAsync(
                        store.Store, path, new OnetImportOptions(codes), parse.GetValue(dryRun), new ConsoleProgress(Console.Error), cancellationToken);
                    CliOptions.PrintReport(Console.Out, report);
                    Console.Out.WriteLine($"O*NET import took {started.Elapsed.TotalSeconds:0.0} s.");
                    return ExitCodes.Ok;
                }
                catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException or FormatException)
                {
                    Console.Error.WriteLine(e.Message);
                    return ExitCodes.InvalidInput;
                }
            }, cancellationToken);
        });
        return command;
    }

    private static int? MissingFile(IEnumerable<string> paths)
    {
        var missing = paths.Where(p => !File.Exists(p)).ToList();
        foreach (var path in missing)
        {
            Console.Error.WriteLine($"No such file: {Path.GetFullPath(path)}");
        }

        return missing.Count > 0 ? ExitCodes.InvalidInput : null;
    }

    /// <summary>Opens the store, runs the work, and turns failures into the documented exit codes.</summary>
    private static async Task<int> WithStoreAsync(string? dataFile, Func<CliStore, Task<int>> work, CancellationToken cancellationToken)
    {
        CliStore store;
        try
        {
            store = await CliStore.OpenAsync(dataFile, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException || StoreFaults.IsOutage(e))
        {
            Console.Error.WriteLine($"The store is unavailable: {e.Message}");
            return ExitCodes.StoreUnavailable;
        }

        await using (store)
        {
            try
            {
                return await work(store);
            }
            catch (TaxonomyValidationException e)
            {
                CliOptions.PrintProblems(Console.Error, e.Problems);
                return ExitCodes.InvalidInput;
            }
            catch (GraphEditException e)
            {
                foreach (var problem in e.Problems)
                {
                    Console.Error.WriteLine($"{problem.Path}: {problem.Message} ({problem.Code})");
                }

                Console.Error.WriteLine("Nothing was changed.");
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (StoreFaults.IsOutage(e))
            {
                // A write that failed this way was rolled back, except when Neo4j took a commit without answering.
                Console.Error.WriteLine($"The store is unavailable: {e.Message}");
                return ExitCodes.StoreUnavailable;
            }
        }
    }
}
