namespace RoleGraph.Api.Http;

internal static class HttpCachingServiceCollectionExtensions
{
    /// <summary>ETags and Cache-Control for GET queries, and automatic persisted queries (section RoleGraph:Http).</summary>
    public static IServiceCollection AddRoleGraphHttpCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpCachingOptions>()
            .Bind(configuration.GetSection(HttpCachingOptions.SectionName))
            .Validate(o => o.MaxPersistedQueries >= 2, $"{HttpCachingOptions.SectionName}:MaxPersistedQueries must be at least 2.")
            .ValidateOnStart();
        services.AddSingleton<ReadResponseCaching>();
        services.AddSingleton<AutomaticPersistedQueries>();
        return services;
    }
}
