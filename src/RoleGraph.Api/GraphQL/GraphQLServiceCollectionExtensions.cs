using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;
using RoleGraph.Api.Limits;
using RoleGraph.Api.GraphQL.Errors;
using RoleGraph.Api.GraphQL.Loading;
using RoleGraph.Api.GraphQL.Plans;
using RoleGraph.Api.GraphQL.QueryPower;
using RoleGraph.Api.Http;

namespace RoleGraph.Api.GraphQL;

internal static class GraphQLServiceCollectionExtensions
{
    /// <summary>The schema, its executer and serializer, and the per-request batch loader.</summary>
    public static IServiceCollection AddRoleGraphGraphQL(this IServiceCollection services, bool exposeInternalDetails)
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<RoleGraphSchema>()
            // Below the root every resolver is synchronous or a batched IDataLoaderResult, so the parallel strategy's
            // task per field only adds cost; the serial strategy still defers data-loader results to the end of each
            // level, so batching is unchanged. Root fields that call the store run one after another: a query with
            // several of them pays Neo4j's round trips in turn (a frontend's query usually has one).
            .AddExecutionStrategy<RepeatedSelectionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddGraphTypes(typeof(RoleGraphSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping) // responses are JSON, never inlined in HTML: keep messages readable
            .AddErrorInfoProvider(provider => new RoleGraphErrorInfoProvider(exposeInternalDetails, () => Limits(provider)))
            .AddUnhandledExceptionHandler(UnhandledErrorLogger.LogAsync)
            .AddComplexityAnalyzer((complexity, provider) => ComplexityLimits.Configure(complexity, Limits(provider)))
            .AddValidationRule<AliasAndDirectiveLimitRule>(provider => new AliasAndDirectiveLimitRule(Limits(provider)))
            .AddValidationRule<IValidationRule>(provider => Limits(provider).AllowIntrospection ? new NoOpValidationRule() : NoIntrospectionValidationRule.Instance)
            .ConfigureExecution<RepeatedDocumentRules>());
        services.AddOptions<CompiledPlanOptions>().BindConfiguration(CompiledPlanOptions.SectionName);
        services.AddScoped<LinkBatchLoader>();
        services.AddScoped<SimilarRolesLoader>();
        services.AddScoped<LinkPageLoader>();
        return services;
    }

    private static LimitsOptions Limits(IServiceProvider provider) => provider.GetRequiredService<IOptions<LimitsOptions>>().Value;

    /// <summary>Stands in for the introspection ban when introspection is allowed, so the rule set is fixed at start-up.</summary>
    internal sealed class NoOpValidationRule : ValidationRuleBase;
}
