using System.Text.Encodings.Web;
using GraphQL;
using RoleGraph.Api.GraphQL.Errors;
using RoleGraph.Api.GraphQL.Loading;

namespace RoleGraph.Api.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>The schema, its executer and serializer, and the per-request batch loader.</summary>
    public static IServiceCollection AddRoleGraphGraphQL(this IServiceCollection services, bool exposeInternalDetails)
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<RoleGraphSchema>()
            .AddGraphTypes(typeof(RoleGraphSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping) // responses are JSON, never inlined in HTML: keep messages readable
            .AddErrorInfoProvider(_ => new RoleGraphErrorInfoProvider(exposeInternalDetails))
            .AddUnhandledExceptionHandler(UnhandledErrorLogger.LogAsync));
        services.AddScoped<LinkBatchLoader>();
        return services;
    }
}
