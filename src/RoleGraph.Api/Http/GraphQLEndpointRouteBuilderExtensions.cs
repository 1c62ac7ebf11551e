namespace RoleGraph.Api.Http;

public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>POST and GET of GraphQL at <paramref name="pattern"/>; other methods get 405 from routing.</summary>
    public static RouteGroupBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string pattern)
    {
        var group = endpoints.MapGroup(pattern).WithTags("GraphQL");
        group.MapPost("", (HttpContext context, GraphQLHttpHandler handler) => handler.PostAsync(context)).DisableAntiforgery();
        group.MapGet("", (HttpContext context, GraphQLHttpHandler handler) => handler.GetAsync(context));
        return group;
    }
}
