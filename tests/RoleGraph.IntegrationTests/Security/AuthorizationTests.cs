using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Security;

/// <summary>Writes need an API key or a token with graph:write; refused writes change nothing.</summary>
public sealed class AuthorizationTests : IDisposable
{
    private const string SigningKey = "a-signing-key-for-tests-only-32-bytes-long!";
    private const string ReadOnlyKey = "read-only-key";
    private const string Mutation = """mutation { upsertSkill(input: { id: "sql", name: "SQL" }) { id } }""";

    private readonly RoleGraphApiFactory _app = new();

    public AuthorizationTests()
    {
        _app.Settings["RoleGraph:Auth:ApiKeys:1:Name"] = "reader";
        _app.Settings["RoleGraph:Auth:ApiKeys:1:Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ReadOnlyKey)));
        _app.Settings["RoleGraph:Auth:ApiKeys:1:Scopes"] = "graph:read";
        _app.Settings["RoleGraph:Auth:Jwt:SigningKey"] = SigningKey;
        _app.Settings["RoleGraph:Auth:Jwt:Issuer"] = "https://issuer.test";
        _app.Settings["RoleGraph:Auth:Jwt:Audience"] = "rolegraph";
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_mutation_without_credentials_is_401_and_writes_nothing()
    {
        var response = await _app.AnonymousGraphQL().PostAsync(Mutation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.SingleErrorCode());
        Assert.Contains("X-Api-Key", (string?)response.Errors![0]!["message"]);
        Assert.Contains("Bearer", response.Message.Headers.WwwAuthenticate.ToString());
        await AssertNoSqlSkill();
    }

    [Fact]
    public async Task A_wrong_api_key_is_401()
    {
        var response = await WithHeader("X-Api-Key", "guess").PostAsync(Mutation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.SingleErrorCode());
        Assert.Contains("not valid", (string?)response.Errors![0]!["message"]);
        await AssertNoSqlSkill();
    }

    [Fact]
    public async Task A_key_without_the_write_scope_is_403()
    {
        var response = await WithHeader("X-Api-Key", ReadOnlyKey).PostAsync(Mutation);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("FORBIDDEN", response.SingleErrorCode());
        await AssertNoSqlSkill();
    }

    [Fact]
    public async Task A_valid_api_key_may_write()
    {
        var data = await _app.GraphQL().QueryAsync(Mutation);
        Assert.Equal("sql", (string?)data["upsertSkill"]!["id"]);
    }

    [Fact]
    public async Task A_bearer_token_with_graph_write_may_write_and_one_without_is_403()
    {
        var writer = await WithHeader("Authorization", "Bearer " + Token("graph:read graph:write")).PostAsync(Mutation);
        Assert.Equal(HttpStatusCode.OK, writer.Status);
        Assert.Null(writer.Errors);

        var reader = await WithHeader("Authorization", "Bearer " + Token("graph:read")).PostAsync(Mutation.Replace("sql", "sql2", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, reader.Status);
        Assert.Equal("FORBIDDEN", reader.SingleErrorCode());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_for_another_audience_is_401()
    {
        var forged = await WithHeader("Authorization", "Bearer " + Token("graph:write", key: "another-signing-key-that-is-32-bytes-long!!")).PostAsync(Mutation);
        var elsewhere = await WithHeader("Authorization", "Bearer " + Token("graph:write", audience: "another-api")).PostAsync(Mutation);

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (forged.Status, forged.SingleErrorCode()));
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (elsewhere.Status, elsewhere.SingleErrorCode()));
        await AssertNoSqlSkill();
    }

    [Fact]
    public async Task Reads_are_open_by_default_and_can_require_credentials()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.AnonymousGraphQL().PostAsync("{ roles { totalCount } }")).Status);

        using var closed = new RoleGraphApiFactory();
        closed.Settings["RoleGraph:Auth:RequireAuthForReads"] = "true";
        var anonymous = await closed.AnonymousGraphQL().PostAsync("{ roles { totalCount } }");
        var keyed = await closed.GraphQL().PostAsync("{ roles { totalCount } }");
        var overGet = await closed.AnonymousGraphQL().GetAsync("query=" + Uri.EscapeDataString("{ roles { totalCount } }"));

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (anonymous.Status, anonymous.SingleErrorCode()));
        Assert.Equal(HttpStatusCode.OK, keyed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, overGet.Status);
    }

    private GraphQLClient WithHeader(string name, string value)
    {
        var client = _app.AnonymousGraphQL();
        client.Http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        return client;
    }

    private async Task AssertNoSqlSkill()
    {
        var data = await _app.GraphQL().QueryAsync("{ skill(id: \"sql\") { id } }");
        Assert.Null(data["skill"]);
    }

    private static string Token(string scope, string key = SigningKey, string audience = "rolegraph") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.test",
            Audience = audience,
            Claims = new Dictionary<string, object> { ["scope"] = scope, ["sub"] = "someone" },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
}
