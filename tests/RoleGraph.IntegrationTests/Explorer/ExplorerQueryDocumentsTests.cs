using System.Text.Json;
using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Explorer;

/// <summary>
/// Every GraphQL document the explorer page can send (src/RoleGraph.Explorer/src/queries/*.graphql, imported by
/// queries.ts) is valid against the served schema under GraphQL.NET's validator, and runs on the seeded service within
/// its limits (the complexity limit is not part of validation, so each document is also sent).
/// </summary>
public sealed class ExplorerQueryDocumentsTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    private static readonly string QueryDirectory = RepositoryFiles.PathOf(Path.Combine("src", "RoleGraph.Explorer", "src", "queries"));

    /// <summary>Variables a person would send from each view on the seed.</summary>
    private static readonly Dictionary<string, object> SeedVariables = new(StringComparer.Ordinal)
    {
        ["search"] = new { text = "data", kinds = new[] { "ROLE", "SKILL", "TOOL" } },
        ["neighbourhood"] = new { id = "data-scientist" },
        ["compare"] = new { roleIds = new[] { "data-scientist", "machine-learning-engineer" } },
        ["connect"] = new { fromId = "data-scientist", toId = "machine-learning-engineer" },
        ["similar"] = new { roleId = "data-scientist" },
        ["gap"] = new { fromRoleId = "data-scientist", toRoleId = "machine-learning-engineer" },
    };

    public static TheoryData<string> Documents() => [.. Directory.GetFiles(QueryDirectory, "*.graphql").Select(file => Path.GetFileNameWithoutExtension(file)).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_page_sends_exactly_the_documents_in_the_queries_folder()
    {
        // queries.ts is the one place the page takes its documents from; each file there must be imported, and no other.
        var module = File.ReadAllText(Path.Combine(QueryDirectory, "..", "queries.ts"));
        var imported = System.Text.RegularExpressions.Regex.Matches(module, @"from '\./queries/(?<name>[a-z]+)\.graphql\?raw'")
            .Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Documents().Select(row => row.Data).ToList(), imported);
        Assert.Equal(SeedVariables.Keys.Order(StringComparer.Ordinal), imported);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Document_is_valid_against_the_served_schema(string name)
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var document = GraphQLParser.Parser.Parse(File.ReadAllText(Path.Combine(QueryDirectory, name + ".graphql")));
        var operation = Assert.Single(document.Definitions.OfType<GraphQLOperationDefinition>());

        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = schema,
            Document = document,
            Operation = operation,
            Rules = DocumentValidator.CoreRules,
            // The validator also coerces the variables, so it gets the ones the page sends.
            Variables = new GraphQLSerializer().Deserialize<Inputs>(JsonSerializer.Serialize(SeedVariables[name])) ?? Inputs.Empty,
            Extensions = Inputs.Empty,
            Metrics = Metrics.None,
            UserContext = new Dictionary<string, object?>(),
            RequestServices = app.Services,
            CancellationToken = TestContext.Current.CancellationToken,
        });

        Assert.True(result.IsValid, string.Join('\n', result.Errors.Select(e => $"{e.Code}: {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Document_runs_on_the_seeded_service_without_errors(string name)
    {
        var data = await app.AnonymousGraphQL().QueryAsync(File.ReadAllText(Path.Combine(QueryDirectory, name + ".graphql")), SeedVariables[name]);

        Assert.NotEmpty(data.AsObject());
        Assert.All(data.AsObject(), field => Assert.NotNull(field.Value));
    }
}
