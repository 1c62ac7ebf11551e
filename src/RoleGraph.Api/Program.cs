using RoleGraph.Api.Cli;
using RoleGraph.Api.GraphQL;
using RoleGraph.Api.Hosting;
using RoleGraph.Api.Http;
using RoleGraph.Api.Ide;

if (SchemaExportCommand.Matches(args))
{
    return SchemaExportCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRoleGraphStore(builder.Configuration);
builder.Services.AddRoleGraphGraphQL(exposeInternalDetails: builder.Environment.IsDevelopment());
builder.Services.AddScoped<GraphQLHttpHandler>();
builder.Services.AddBananaCakePop(builder.Configuration);
builder.Services.AddHostedService<StartupBanner>();

var app = builder.Build();

app.UseBananaCakePop("/graphql");
app.MapGraphQLEndpoint("/graphql");
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });

await app.RunAsync();
return 0;

/// <summary>The API host; public so that tests can start it in process.</summary>
public partial class Program;
