namespace RoleGraph.Api.Explorer;

/// <summary>
/// Puts <see cref="ExplorerMiddleware"/> at the front of the pipeline. The page is static files: it needs none of the
/// GraphQL endpoint's request ids, CORS or rate limits, and as a startup filter it is wired by the one
/// <see cref="ExplorerExtensions.AddRoleGraphExplorer"/> call in Program.cs.
/// </summary>
internal sealed class ExplorerStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<ExplorerMiddleware>();
        next(app);
    };
}
