namespace RoleGraph.Api.Security;

/// <summary>Who may read and write (section RoleGraph:Auth).</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "RoleGraph:Auth";

    /// <summary>API keys, given as SHA-256 hashes so the configuration never holds a usable secret.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Whether queries, too, need a key or token (writes always do).</summary>
    public bool RequireAuthForReads { get; set; }

    /// <summary>JWT bearer tokens; a token needs the scope graph:write to write.</summary>
    public JwtOptions Jwt { get; set; } = new();
}

internal sealed class ApiKeyOptions
{
    /// <summary>Who the key belongs to; shown in logs and used as the client id for rate limiting, never the key itself.</summary>
    public string Name { get; set; } = "";

    /// <summary>Hex SHA-256 of the key (e.g. `printf %s "$KEY" | sha256sum`).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Space-separated scopes the key grants.</summary>
    public string Scopes { get; set; } = $"{RoleGraphScopes.Read} {RoleGraphScopes.Write}";
}

internal sealed class JwtOptions
{
    /// <summary>An OpenID Connect authority whose signing keys validate tokens (production).</summary>
    public string? Authority { get; set; }

    /// <summary>A shared HMAC key (at least 32 bytes) for tokens you sign yourself (development, tests).</summary>
    public string? SigningKey { get; set; }

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);
}
