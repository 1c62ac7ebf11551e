using GraphQL.DI;
using GraphQL.Telemetry;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RoleGraph.Api.Audit;
using RoleGraph.Api.Hosting;
using RoleGraph.Api.Limits;
using RoleGraph.Core.Store;
using RoleGraph.Neo4j.Client;

namespace RoleGraph.Api.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// RoleGraph's instruments and spans, the store wrapper that records them (and audits writes), and, when there is
    /// somewhere to send them (<see cref="TelemetryOptions.Enabled"/>), the OpenTelemetry SDK: traces of ASP.NET Core,
    /// HttpClient, GraphQL.NET, the store and the Neo4j client (a span per request, named by the catalogue); metrics
    /// of ASP.NET Core, HttpClient and RoleGraph; OTLP when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set, Prometheus
    /// when asked. Call after AddRoleGraphStore.
    /// </summary>
    public static IServiceCollection AddRoleGraphTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        services.AddOptions<TelemetryOptions>().Bind(section);
        var settings = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var enabled = settings.Enabled ?? (otlp || settings.PrometheusEndpoint);

        services.AddMetrics();
        services.AddSingleton<GraphSizeGauge>();
        services.AddSingleton<RoleGraphMetrics>();
        services.AddSingleton<IConfigureExecution, GraphQLOperationMetrics>();
        // GraphQL.NET's own span per operation: name and type, plus a hash of the document; never the document's text
        // or its variables, which may carry what users typed.
        services.AddSingleton<IConfigureExecution>(new GraphQLTelemetryProvider(new GraphQLTelemetryOptions
        {
            RecordDocument = false,
            EnrichWithDocument = (activity, _, _, document, _) => activity.SetTag("graphql.document.hash", DocumentHashes.Of(document)),
        }));

        ObserveStore(services);
        services.PostConfigure<RateLimiterOptions>(options =>
        {
            var answer = options.OnRejected;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<RoleGraphMetrics>().Refused(LimitCodes.RateLimited);
                if (answer is not null)
                {
                    await answer(context, cancellationToken);
                }
            };
        });

        if (!enabled)
        {
            return services;
        }

        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<GraphSizeRefresher>(provider, provider.GetRequiredService<UnobservedStore>().Store));
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("rolegraph", serviceVersion: typeof(RoleGraphTelemetry).Assembly.GetName().Version?.ToString()));
        // With the standard OTEL_TRACES_SAMPLER=always_off no span is ever recorded, yet a tracer provider would still
        // make an activity per request for propagation: leave tracing out altogether, so metrics alone cost only the
        // recordings. OTLP is added per signal for the same reason: UseOtlpExporter would switch tracing (and logging)
        // back on.
        if (!string.Equals(configuration["OTEL_TRACES_SAMPLER"], "always_off", StringComparison.OrdinalIgnoreCase))
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(RoleGraphTelemetry.Name, RoleGraphTelemetry.GraphQLSource, Neo4jTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/metrics"))
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(RoleGraphTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation();
            if (settings.PrometheusEndpoint)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        if (otlp)
        {
            // Log records go to the collector too, each with the trace and span ids of the request that wrote it.
            telemetry.WithLogging(logging => logging.AddOtlpExporter());
        }

        return services;
    }

    /// <summary>Serves /metrics for Prometheus when RoleGraph:Telemetry:PrometheusEndpoint is on.</summary>
    public static WebApplication UseRoleGraphTelemetry(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (settings.PrometheusEndpoint)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }

    /// <summary>
    /// Puts <see cref="ObservedGraphStore"/> in front of the store the configuration chose; start-up (opening, seeding)
    /// keeps the store itself, since seeding is not a user's write.
    /// </summary>
    private static void ObserveStore(IServiceCollection services)
    {
        var chosen = services.LastOrDefault(d => d.ServiceType == typeof(IGraphStore))
            ?? throw new InvalidOperationException("AddRoleGraphTelemetry needs the store registered first (AddRoleGraphStore).");
        services.Remove(chosen);
        services.AddSingleton(provider => new UnobservedStore(Resolve(provider, chosen)));
        services.AddSingleton<IGraphStore>(provider => new ObservedGraphStore(
            provider.GetRequiredService<UnobservedStore>().Store,
            provider.GetRequiredService<IOptions<StoreSelectionOptions>>().Value.Store.ToString().ToLowerInvariant(),
            provider.GetRequiredService<RoleGraphMetrics>(),
            provider.GetRequiredService<WriteAudit>()));
        services.RemoveAll<GraphStoreInitializer>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<GraphStoreInitializer>(provider, provider.GetRequiredService<UnobservedStore>().Store));
    }

    private static IGraphStore Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IGraphStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
