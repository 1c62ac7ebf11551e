namespace RoleGraph.Api.Http;

internal static class HttpServiceCollectionExtensions
{
    /// <summary>
    /// The GraphQL-over-HTTP handler behind <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQLEndpoint"/>, its
    /// cache of validated documents, and read caching (ETags) and persisted queries.
    /// </summary>
    public static IServiceCollection AddRoleGraphHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<GraphQLHttpHandler>();
        services.AddSingleton<ValidatedDocumentCache>();
        services.AddRoleGraphHttpCaching(configuration);
        return services;
    }
}
