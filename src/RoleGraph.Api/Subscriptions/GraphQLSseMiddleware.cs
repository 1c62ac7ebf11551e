namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// Sends the GraphQL endpoint's requests that accept text/event-stream to <see cref="GraphQLSseHandler"/> and its
/// WebSocket upgrades for graphql-transport-ws to <see cref="GraphQLWebSocketHandler"/>; everything else goes on to the
/// endpoint. It runs after routing, CORS and rate limiting, so streams obey the endpoint's policies.
/// </summary>
internal sealed class GraphQLSseMiddleware(RequestDelegate next, PathString path)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        if (GraphQLWebSocketHandler.Wants(context))
        {
            return context.RequestServices.GetRequiredService<GraphQLWebSocketHandler>().HandleAsync(context);
        }

        return GraphQLSseHandler.Wants(context.Request) ? context.RequestServices.GetRequiredService<GraphQLSseHandler>().HandleAsync(context) : next(context);
    }
}
