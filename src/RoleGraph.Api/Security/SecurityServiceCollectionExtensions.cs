using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;

namespace RoleGraph.Api.Security;

internal static class SecurityServiceCollectionExtensions
{
    public const string PolicyScheme = "RoleGraph";

    /// <summary>
    /// API keys and JWT bearer tokens behind one scheme: a request with X-Api-Key is judged by its key, one with
    /// "Authorization: Bearer" by its token; <see cref="GraphQLAccess"/> applies it to each GraphQL request.
    /// </summary>
    public static IServiceCollection AddRoleGraphSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthOptions.SectionName);
        services.AddOptions<AuthOptions>().Bind(section);
        var jwt = section.GetSection("Jwt").Get<JwtOptions>() ?? new JwtOptions();

        // No default scheme: GraphQLAccess authenticates each GraphQL request once, with this policy scheme. A default
        // would also make the authentication middleware ASP.NET Core adds run it first, and a bad key be logged twice.
        var authentication = services.AddAuthentication()
            .AddPolicyScheme(PolicyScheme, "API key or bearer token", scheme => scheme.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && jwt.Enabled
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });

        if (jwt.Enabled)
        {
            authentication.AddJwtBearer(bearer =>
            {
                bearer.Authority = string.IsNullOrWhiteSpace(jwt.Authority) ? null : jwt.Authority;
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = !string.IsNullOrWhiteSpace(jwt.Issuer),
                    ValidIssuer = jwt.Issuer,
                    ValidateAudience = !string.IsNullOrWhiteSpace(jwt.Audience),
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey)),
                };
            });
        }

        // Authentication registers ASP.NET Core data protection, which nothing here uses: no cookies, no antiforgery
        // tokens; API keys and bearer tokens carry no protected payload. Its default key ring, kept on disk unencrypted,
        // warned about that at every start; keys held in memory for the process's life are all an unused protector needs.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();

        // Its hosted service only makes the key ring at start, so that a first protected payload would not wait for
        // it: with nothing to protect, that is a key and an encryptor made on every start for nothing (0.1-0.3 s of
        // the start to first answer, docs/benchmarks.md). Without it the ring is made on first use, if ever.
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService")
            {
                services.RemoveAt(i);
            }
        }

        services.AddSingleton<GraphQLAccess>();
        return services;
    }
}
