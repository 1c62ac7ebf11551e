using RoleGraph.Api.Audit;
using RoleGraph.Api.Cli;
using RoleGraph.Api.Explorer;
using RoleGraph.Api.GraphQL;
using RoleGraph.Api.Hosting;
using RoleGraph.Api.Http;
using RoleGraph.Api.Ide;
using RoleGraph.Api.Limits;
using RoleGraph.Api.Security;
using RoleGraph.Api.Subscriptions;
using RoleGraph.Api.Telemetry;

if (RoleGraphCli.Handles(args))
{
    return await RoleGraphCli.RunAsync(args);
}

try
{
    // Huge pages for the heap before the large allocations; then the store's data file, which takes as long to read
    // as the host takes to build and start: its read begins first.
    var settingsBeforeHost = DataFileReadAhead.SettingsBeforeHost(args);
    var hugePages = HeapHugePages.Advise(settingsBeforeHost);
    var readAhead = DataFileReadAhead.Begin(settingsBeforeHost);

    // Settings ship beside the binaries; the working directory is the caller's (paths given to the service and the
    // verbs, like the data file, are relative to where you run it).
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    // The host logs a failed start with its whole stack before rethrowing; the catch below says it in one line.
    // (Its other messages at this level are about background services, and RoleGraph runs none.)
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

    builder.Services
        .StartReadingDataFile(builder.Configuration, readAhead)
        .AddRoleGraphStore(builder.Configuration)
        .AddRoleGraphGraphQL(exposeInternalDetails: builder.Environment.IsDevelopment())
        .AddRoleGraphLimits(builder.Configuration)
        .AddRoleGraphSecurity(builder.Configuration)
        .AddRoleGraphHttp(builder.Configuration)
        .AddBananaCakePop(builder.Configuration)
        .AddRoleGraphExplorer(builder.Configuration)
        .AddRoleGraphStartupBanner()
        .AddRoleGraphSubscriptions(builder.Configuration)
        .AddRoleGraphAudit(builder.Configuration)
        .AddRoleGraphTelemetry(builder.Configuration);

    var app = builder.Build();
    HeapHugePages.Log(app.Logger, hugePages);

    app.UseRequestId();
    app.UseCors();
    app.UseRateLimiter();
    app.UseBananaCakePop("/graphql");
    app.UseGraphQLSubscriptions("/graphql");
    app.UseRoleGraphTelemetry();
    app.MapGraphQLEndpoint("/graphql").RequireRateLimiting(LimitsServiceCollectionExtensions.RateLimitPolicy).RequireCors(LimitsServiceCollectionExtensions.CorsPolicy);
    app.MapRoleGraphHealthChecks();

    await app.RunAsync();
    return ExitCodes.Ok;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // (HostAbortedException is how WebApplicationFactory stops this method once it has the built host.)
    // A second instance on the same data file or port, or bad settings: one line and a documented exit code.
    var (exitCode, line) = StartFailures.Describe(e);
    Console.Error.WriteLine(line);
    return exitCode;
}

/// <summary>The API host; public so that tests can start it in process.</summary>
public partial class Program;
