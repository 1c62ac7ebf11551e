using Microsoft.Extensions.Options;
using RoleGraph.Core.Changes;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.Subscriptions;

internal static class SubscriptionServiceCollectionExtensions
{
    /// <summary>
    /// The change feed the stores publish to, the shared executions of subscriptions, the graphChanged subscription's
    /// stream handler (GraphQL over SSE) and, on
    /// Neo4j, the revision poller.
    /// </summary>
    public static IServiceCollection AddRoleGraphSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SubscriptionOptions>().Bind(configuration.GetSection(SubscriptionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SubscriptionOptions>, SubscriptionOptionsValidator>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SubscriptionOptions>>().Value;
            return new GraphChangeFeed(options.MaxSubscribers, options.BufferSize);
        });
        services.AddSingleton<IGraphChangeSink>(provider => provider.GetRequiredService<GraphChangeFeed>());
        services.AddSingleton(_ => new WriteAnswers());
        // The feed's subscribers are the shared executions, one per distinct subscription: never more than the streams.
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SharedSubscriptions>(provider,
            provider.GetRequiredService<IOptions<SubscriptionOptions>>().Value.MaxSubscribers));
        services.AddScoped<GraphQLSseHandler>();
        services.AddScoped<GraphQLWebSocketHandler>();
        // Polls go to the store itself: a read every second is bookkeeping, not a call to trace.
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<Neo4jRevisionPoller>(provider,
            provider.GetService<Telemetry.UnobservedStore>()?.Store ?? provider.GetRequiredService<IGraphStore>()));
        return services;
    }

    /// <summary>Serves GraphQL over Server-Sent Events and over WebSockets (graphql-transport-ws) at <paramref name="path"/> (the GraphQL endpoint's own path).</summary>
    public static IApplicationBuilder UseGraphQLSubscriptions(this IApplicationBuilder app, string path) =>
        app.UseWebSockets().UseMiddleware<GraphQLSseMiddleware>(new PathString(path));
}
