using System.Security.Claims;

namespace RoleGraph.Api.Security;

/// <summary>The scopes RoleGraph knows, and reading them from a principal (OAuth "scope" or "scp" claims).</summary>
internal static class RoleGraphScopes
{
    public const string Read = "graph:read";
    public const string Write = "graph:write";

    public static bool Has(ClaimsPrincipal user, string scope) => Of(user).Contains(scope, StringComparer.Ordinal);

    /// <summary>Every scope the principal carries, as its claims list them.</summary>
    public static IEnumerable<string> Of(ClaimsPrincipal user) =>
        user.Claims
            .Where(c => c.Type is "scope" or "scp" or "http://schemas.microsoft.com/identity/claims/scope")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
