namespace RoleGraph.Api.Http;

internal static class HttpServiceCollectionExtensions
{
    /// <summary>The GraphQL-over-HTTP handler behind <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQLEndpoint"/>, and its cache of validated documents.</summary>
    public static IServiceCollection AddRoleGraphHttp(this IServiceCollection services)
    {
        services.AddScoped<GraphQLHttpHandler>();
        services.AddSingleton<ValidatedDocumentCache>();
        return services;
    }
}
