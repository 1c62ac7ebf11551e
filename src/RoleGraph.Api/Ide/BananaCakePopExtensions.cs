namespace RoleGraph.Api.Ide;

/// <summary>Wires the Banana Cake Pop GraphQL IDE into the API.</summary>
internal static class BananaCakePopExtensions
{
    /// <summary>Binds <see cref="BananaCakePopOptions"/> from the "RoleGraph:Ide" section of <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddBananaCakePop(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BananaCakePopOptions>().Bind(configuration.GetSection(BananaCakePopOptions.SectionName));
        return services;
    }

    /// <summary>
    /// Serves the IDE to browser GETs of <paramref name="graphQLPath"/> and its files beneath it. Must come before the
    /// GraphQL endpoint in the pipeline; everything that is not for the IDE passes through to it unchanged.
    /// </summary>
    public static IApplicationBuilder UseBananaCakePop(this IApplicationBuilder app, PathString graphQLPath)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The IDE lives in the folder beneath the GraphQL path, so a root or trailing-slash path cannot work.
        var trimmed = graphQLPath.Value?.TrimEnd('/');
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException("The GraphQL path must be a non-root path such as \"/graphql\".", nameof(graphQLPath));
        }

        return app.UseMiddleware<BananaCakePopMiddleware>(new PathString(trimmed));
    }
}
