using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;

namespace RoleGraph.Api.Limits;

internal static class LimitsServiceCollectionExtensions
{
    public const string RateLimitPolicy = "graphql";
    public const string CorsPolicy = "frontends";

    /// <summary>Request limits, the per-client rate limiter and CORS for the origins configured in RoleGraph:Cors:AllowedOrigins.</summary>
    public static IServiceCollection AddRoleGraphLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.SectionName));
        var limits = configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>() ?? new LimitsOptions();

        services.AddRateLimiter(rateLimiter =>
        {
            rateLimiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(ClientId(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.RequestBurst,
                TokensPerPeriod = limits.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
            rateLimiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "1";
                response.ContentType = "application/json; charset=utf-8";
                var message = $"Too many requests: each client may make {limits.RequestsPerSecond} per second (bursts of {limits.RequestBurst}); retry after a second.";
                await using var json = new Utf8JsonWriter(response.Body);
                json.WriteStartObject();
                json.WriteStartArray("errors");
                json.WriteStartObject();
                json.WriteString("message", message);
                json.WriteStartObject("extensions");
                json.WriteString("code", LimitCodes.RateLimited);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
                await json.FlushAsync(cancellationToken);
            };
        });

        var origins = configuration.GetSection("RoleGraph:Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            policy.WithOrigins(origins).WithMethods("GET", "POST").WithHeaders("Content-Type", "Accept", "Authorization", "X-Api-Key", "If-None-Match").WithExposedHeaders("X-Request-Id", "ETag");
        }));
        return services;
    }

    /// <summary>An API key's hash prefix, else the client address: a client is whoever holds the key.</summary>
    private static string ClientId(HttpContext context) =>
        context.Request.Headers.TryGetValue("X-Api-Key", out var key) && !string.IsNullOrEmpty(key)
            ? "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key!)))[..16]
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>Every response names its request, as the server's log lines do (ASP.NET Core's RequestId scope).</summary>
    public static IApplicationBuilder UseRequestId(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
        return next(context);
    });
}
