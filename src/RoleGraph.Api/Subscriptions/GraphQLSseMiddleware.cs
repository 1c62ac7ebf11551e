namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// Sends the GraphQL endpoint's requests that accept text/event-stream to <see cref="GraphQLSseHandler"/>; everything
/// else goes on to the endpoint. It runs after routing, CORS and rate limiting, so streams obey the endpoint's policies.
/// </summary>
internal sealed class GraphQLSseMiddleware(RequestDelegate next, PathString path)
{
    public Task InvokeAsync(HttpContext context) =>
        context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase) && GraphQLSseHandler.Wants(context.Request)
            ? context.RequestServices.GetRequiredService<GraphQLSseHandler>().HandleAsync(context)
            : next(context);
}
