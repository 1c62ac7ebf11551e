using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Api.GraphQL;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>schema.graphql is the contract: the served schema must be exactly it, and described throughout.</summary>
public sealed class SchemaContractTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    [Fact]
    public void Served_schema_equals_schema_graphql()
    {
        var served = SchemaSdl.Print(app.Services.GetRequiredService<ISchema>());
        var contract = File.ReadAllText(RepositoryFiles.PathOf("schema.graphql")).ReplaceLineEndings("\n");

        Assert.True(
            served == contract,
            "The served schema differs from schema.graphql. If the change is intended, run "
            + "`dotnet run --project src/RoleGraph.Api -- schema export` and commit schema.graphql.\n" + FirstDifference(served, contract));
    }

    [Fact]
    public async Task Get_sdl_returns_the_contract()
    {
        var response = await app.GraphQL().GetAsync("sdl", accept: null);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal("text/plain", response.ContentType);
        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("schema.graphql")).ReplaceLineEndings("\n"), response.Text);
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }

            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                    {
                        missing.Add($"{type.Name}.{field.Name}");
                    }

                    missing.AddRange(field.Arguments?.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{type.Name}.{field.Name}({a.Name})") ?? []);
                }
            }

            if (type is EnumerationGraphType enumeration)
            {
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
            }
        }

        Assert.True(missing.Count == 0, "Undescribed: " + string.Join(", ", missing));
    }

    private static string FirstDifference(string a, string b)
    {
        var linesA = a.Split('\n');
        var linesB = b.Split('\n');
        for (var i = 0; i < Math.Max(linesA.Length, linesB.Length); i++)
        {
            var x = i < linesA.Length ? linesA[i] : "<end>";
            var y = i < linesB.Length ? linesB[i] : "<end>";
            if (x != y)
            {
                return $"First difference at line {i + 1}:\n  served:        {x}\n  schema.graphql: {y}";
            }
        }

        return "";
    }
}
