namespace RoleGraph.Api.Explorer;

/// <summary>Wires the explorer page (served at <see cref="ExplorerMiddleware.Path"/>) into the API.</summary>
internal static class ExplorerExtensions
{
    /// <summary>Binds <see cref="ExplorerOptions"/> from "RoleGraph:Explorer" and serves the page ahead of everything else.</summary>
    public static IServiceCollection AddRoleGraphExplorer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ExplorerOptions>().Bind(configuration.GetSection(ExplorerOptions.SectionName));
        services.AddTransient<IStartupFilter, ExplorerStartupFilter>();
        return services;
    }
}
