using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using RoleGraph.Neo4j.Cypher;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Neo4j.Lint;

/// <summary>
/// Every statement the Neo4j store can send goes through Neo4j's Cypher language support (tests/cypher-lint, its
/// parser and semantic analysis) against the catalog's labels, relationship types and property keys, so a typo, an
/// unknown label or a deprecated function fails here rather than on a live server. Probes with known faults run
/// in the same pass, so the check cannot pass by linting nothing.
/// </summary>
public sealed class CypherLintTests
{
    private const string ProbePrefix = "(probe) ";
    private const string SyntaxErrorProbe = ProbePrefix + "syntax error";
    private const string UnknownNamesProbe = ProbePrefix + "unknown label and relationship type";
    private const string UnknownFunctionProbe = ProbePrefix + "APOC function";
    private const string TwoStatementsProbe = ProbePrefix + "two statements";
    private const string BuiltInsProbe = ProbePrefix + "built-in functions and procedures";
    private const string RowKeyProbe = ProbePrefix + "a row map's key read inside a pattern";
    private const string NodePropertyProbe = ProbePrefix + "an unknown node property read inside a pattern";

    private static readonly (string Name, string Text)[] Probes =
    [
        (SyntaxErrorProbe, "MATC (n:Node) RETURN n"),
        (UnknownNamesProbe, "MATCH (r:Rolle)-[:NEEDS]->(s:Skill) RETURN r.id AS role, s.id AS skill"),
        (UnknownFunctionProbe, "MATCH (n:Node) RETURN apoc.text.join(n.aliases, ', ') AS aliases"),
        (TwoStatementsProbe, "MATCH (n:Node) RETURN n.id AS id; MATCH (r:Role) RETURN r.id AS id"),
        (BuiltInsProbe,
            "CALL db.index.fulltext.queryNodes('node_text', $query) YIELD node, score "
            + "MATCH p = shortestPath((node)-[:REQUIRES|USES*..4]-(r:Role {id: $roleId})) "
            + "OPTIONAL MATCH paths = allShortestPaths((node)-[*..3]-(:Skill)) "
            + "RETURN toLower(coalesce(node.name, node.id)) AS name, size(nodes(p)) AS hops, count(paths) AS alternatives, score "
            + "ORDER BY score DESC LIMIT $limit"),
        (RowKeyProbe, "UNWIND $rows AS row MATCH (a:Node {id: row.fromId}) RETURN a.name AS name"),
        (NodePropertyProbe, "MATCH (b:Node) MATCH (a:Node {id: b.identifier}) RETURN a.name AS name"),
    ];

    private static readonly JsonSerializerOptions ReportOptions = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<Task<LintReport>> Report = new(() => LintAsync(CancellationToken.None));

    public static TheoryData<string> StatementNames => [.. CypherCatalog.All.Select(entry => entry.Name)];

    [Theory]
    [MemberData(nameof(StatementNames))]
    public async Task A_catalog_statement_has_no_lint_error_or_warning(string name)
    {
        var report = await Report.Value.WaitAsync(TestContext.Current.CancellationToken);
        var entry = CypherCatalog.All.Single(candidate => candidate.Name == name);
        var result = report.For(name);

        var problems = result.Diagnostics.Where(d => d.Severity is "error" or "warning").ToList();
        Assert.True(
            problems.Count == 0,
            $"""
            Cypher lint ({report.Linter.Name} {report.Linter.Version}) found {problems.Count} problem(s) in catalog statement '{name}':
            {string.Join(Environment.NewLine, problems.Select(p => $"  {p.Severity} at line {p.Line}, column {p.Column}: {p.Message}"))}
            Statement:
              {entry.Text}
            """);
    }

    [Fact]
    public void Catalog_names_are_unique_so_each_lint_result_finds_its_statement()
    {
        var duplicates = CypherCatalog.All.GroupBy(entry => entry.Name).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Duplicate catalog names: {string.Join(", ", duplicates)}");
        Assert.DoesNotContain(CypherCatalog.All, entry => entry.Name.StartsWith(ProbePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_linter_reports_a_syntax_error()
    {
        var report = await Report.Value.WaitAsync(TestContext.Current.CancellationToken);

        var error = Assert.Single(report.For(SyntaxErrorProbe).Diagnostics, d => d.Severity == "error" && d.Message.Contains("'MATC'", StringComparison.Ordinal));
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public async Task The_linter_warns_about_a_label_and_a_relationship_type_the_catalog_does_not_have()
    {
        var report = await Report.Value.WaitAsync(TestContext.Current.CancellationToken);

        var warnings = report.For(UnknownNamesProbe).Diagnostics.Where(d => d.Severity == "warning").Select(d => d.Message).ToList();
        Assert.Contains(warnings, message => message.StartsWith("Label Rolle is not present", StringComparison.Ordinal));
        Assert.Contains(warnings, message => message.StartsWith("Relationship type NEEDS is not present", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_linter_knows_only_neo4js_built_in_functions_not_apoc()
    {
        var report = await Report.Value.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Contains(report.For(UnknownFunctionProbe).Diagnostics, d => d.Severity == "error" && d.Message.StartsWith("Function apoc.text.join is not present", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_linter_refuses_two_statements_in_one_entry()
    {
        var report = await Report.Value.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Contains(report.For(TwoStatementsProbe).Diagnostics, d => d.Severity == "error" && d.Message.Contains("2 statements", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Built_in_functions_procedures_and_path_functions_and_declared_parameters_lint_clean()
    {
        var report = await Report.Value.WaitAsync(TestContext.Current.CancellationToken);
        var result = report.For(BuiltInsProbe);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["query", "roleId", "limit"], result.Parameters);
    }

    [Fact]
    public async Task A_key_of_a_parameter_row_is_not_taken_for_a_node_property_but_a_nodes_unknown_property_is()
    {
        // The linter attributes keys read inside a pattern's map to the pattern's node; lint.mjs puts that right.
        var report = await Report.Value.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Empty(report.For(RowKeyProbe).Diagnostics);
        Assert.Contains("fromId is read from row", Assert.Single(report.For(RowKeyProbe).Suppressed).Reason, StringComparison.Ordinal);
        Assert.Contains(report.For(NodePropertyProbe).Diagnostics, d => d.Severity == "warning" && d.Message.StartsWith("identifier is not present", StringComparison.Ordinal));
    }

    private static async Task<LintReport> LintAsync(CancellationToken cancellationToken)
    {
        var directory = RepositoryFiles.PathOf(Path.Combine("tests", "cypher-lint"));
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@neo4j-cypher", "language-support")))
        {
            // The test build runs `npm ci` there (tests/cypher-lint/CypherLint.targets); it cannot without npm.
            Assert.Skip($"The Cypher linter is not installed in {directory}: the test build installs it with `npm ci`, which needs Node.js with npm on PATH (its output says why it did not run).");
        }

        var input = JsonSerializer.Serialize(new
        {
            statements = CypherCatalog.All.Select(entry => new { name = entry.Name, text = entry.Text })
                .Concat(Probes.Select(probe => new { name = probe.Name, text = probe.Text })),
            labels = CypherCatalog.Labels,
            relationshipTypes = CypherCatalog.RelationshipTypes,
            propertyKeys = CypherCatalog.PropertyKeys,
        });

        var start = new ProcessStartInfo("node", ["lint.mjs"])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception exception)
        {
            Assert.Skip($"Node.js (`node`) is needed to lint the Cypher statements and is not on PATH: {exception.Message}");
            throw;
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));

            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token);
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var stdout = await output;
            var stderr = await errors;
            Assert.True(process.ExitCode == 0, $"node lint.mjs exited with {process.ExitCode}:{Environment.NewLine}{stderr}");

            var report = JsonSerializer.Deserialize<LintReport>(stdout, ReportOptions)
                ?? throw new InvalidOperationException($"node lint.mjs wrote no report: {stdout}");
            Assert.Equal(CypherCatalog.All.Count + Probes.Length, report.Results.Count);
            return report;
        }
    }

    private sealed record LintReport(LinterInfo Linter, IReadOnlyList<LintResult> Results)
    {
        public LintResult For(string name) => Results.Single(result => result.Name == name);
    }

    private sealed record LinterInfo(string Name, string Version);

    private sealed record LintResult(string Name, IReadOnlyList<string> Parameters, IReadOnlyList<LintDiagnostic> Diagnostics, IReadOnlyList<SuppressedDiagnostic> Suppressed);

    private sealed record SuppressedDiagnostic(string Message, string Reason);

    private sealed record LintDiagnostic(string Severity, string Message, int Line, int Column, int? Offset);
}
