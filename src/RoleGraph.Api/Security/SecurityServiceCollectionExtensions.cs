using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace RoleGraph.Api.Security;

public static class SecurityServiceCollectionExtensions
{
    public const string PolicyScheme = "RoleGraph";

    /// <summary>
    /// API keys and JWT bearer tokens behind one scheme: a request with X-Api-Key is judged by its key, one with
    /// "Authorization: Bearer" by its token.
    /// </summary>
    public static IServiceCollection AddRoleGraphSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthOptions.SectionName);
        services.AddOptions<AuthOptions>().Bind(section);
        var jwt = section.GetSection("Jwt").Get<JwtOptions>() ?? new JwtOptions();

        var authentication = services.AddAuthentication(PolicyScheme)
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

        services.AddAuthorization();
        return services;
    }
}
