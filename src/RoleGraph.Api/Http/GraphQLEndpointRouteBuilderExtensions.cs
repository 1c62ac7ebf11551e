namespace RoleGraph.Api.Http;

internal static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>Methods that are neither GraphQL's (GET, POST) nor CORS's preflight (OPTIONS).</summary>
    private static readonly string[] OtherMethods = ["PUT", "DELETE", "PATCH", "HEAD", "TRACE"];

    /// <summary>
    /// POST and GET of GraphQL at <paramref name="pattern"/>; other methods get 405 with Allow and a GraphQL error body
    /// (routing's own 405 has an empty body, without the extensions.code every error promises).
    /// </summary>
    public static RouteGroupBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string pattern)
    {
        var group = endpoints.MapGroup(pattern).WithTags("GraphQL");
        group.MapPost("", (HttpContext context, GraphQLHttpHandler handler) => handler.PostAsync(context)).DisableAntiforgery();
        group.MapGet("", (HttpContext context, GraphQLHttpHandler handler) => handler.GetAsync(context));
        group.MapMethods("", OtherMethods, (HttpContext context, GraphQLHttpHandler handler) => handler.MethodNotAllowedAsync(context)).DisableAntiforgery();
        return group;
    }
}
