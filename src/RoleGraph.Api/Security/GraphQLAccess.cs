using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RoleGraph.Api.GraphQL.Errors;

namespace RoleGraph.Api.Security;

/// <summary>
/// Decides, before anything executes, whether the caller may run the selected operation: mutations need the
/// graph:write scope (an API key or a token carrying it); queries need a key or token only when configured so.
/// </summary>
internal sealed class GraphQLAccess(IOptionsMonitor<AuthOptions> options)
{
    public sealed record Denial(int Status, string Code, string Message);

    public async Task<Denial?> CheckAsync(HttpContext context, OperationType? operation)
    {
        var result = await context.AuthenticateAsync(SecurityServiceCollectionExtensions.PolicyScheme);
        if (result.Succeeded)
        {
            context.User = result.Principal;
        }

        var writing = operation is OperationType.Mutation;
        if (!writing && !options.CurrentValue.RequireAuthForReads)
        {
            return null;
        }

        if (!result.Succeeded)
        {
            if (!context.Response.HasStarted) // a WebSocket's connection_init is checked after the upgrade; it closes with 4403 instead
            {
                context.Response.Headers.WWWAuthenticate = $"Bearer, ApiKey header=\"{ApiKeyAuthenticationHandler.HeaderName}\"";
            }

            var why = result.Failure?.Message ?? $"send an API key in {ApiKeyAuthenticationHandler.HeaderName} or a bearer token.";
            return new Denial(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                $"{(writing ? "Writes" : "Reads")} need credentials: {why}");
        }

        if (writing && !RoleGraphScopes.Has(context.User, RoleGraphScopes.Write))
        {
            return new Denial(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, $"Writes need the scope {RoleGraphScopes.Write}; these credentials do not carry it.");
        }

        return null;
    }
}
