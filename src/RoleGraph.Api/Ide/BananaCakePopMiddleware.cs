using System.Text.Json;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace RoleGraph.Api.Ide;

/// <summary>
/// Serves the Banana Cake Pop GraphQL IDE to browsers that GET the GraphQL path, and its files beneath that path.
/// Every other request (POSTs, GraphQL GETs, anything it has no file for) goes to the next middleware untouched.
/// </summary>
/// <remarks>
/// The IDE's index.html references its assets relative to its own URL ("static/js/...", "./favicon.ico",
/// "./service-worker.js"). Served at "/graphql" those would resolve against "/" and miss, so a browser asking for
/// "/graphql" is redirected to "/graphql/", where every relative URL lands beneath the GraphQL path. That keeps the
/// licensed files byte-for-byte as published (no injected &lt;base&gt;), and bcp-config.json still points the IDE
/// at "/graphql" itself for its queries.
/// </remarks>
internal sealed partial class BananaCakePopMiddleware
{
    /// <summary>Folder under the application's base directory that the build copies the IDE's files into.</summary>
    public const string AssetFolder = "ide";

    private const string IndexFile = "index.html";
    private static readonly PathString ConfigPath = new("/bcp-config.json");
    private static readonly PathString HashedAssetsPath = new("/static");

    // Parameters that make a GET a GraphQL request (GraphQL over HTTP, persisted queries, our SDL download); a
    // browser opening such a URL wants the result, not the IDE.
    private static readonly string[] GraphQLQueryParameters = ["query", "extensions", "sdl"];

    private readonly RequestDelegate _next;
    private readonly RequestDelegate _assets;
    private readonly IOptionsMonitor<BananaCakePopOptions> _options;
    private readonly IFileProvider _files;
    private readonly PathString _graphQLPath;

    public BananaCakePopMiddleware(
        RequestDelegate next,
        IWebHostEnvironment environment,
        IOptionsMonitor<BananaCakePopOptions> options,
        ILoggerFactory loggerFactory,
        PathString graphQLPath)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        _next = next;
        _options = options;
        _graphQLPath = graphQLPath;

        var logger = loggerFactory.CreateLogger<BananaCakePopMiddleware>();
        var directory = Path.Combine(AppContext.BaseDirectory, AssetFolder);
        if (File.Exists(Path.Combine(directory, IndexFile)))
        {
            _files = new PhysicalFileProvider(directory);
            LogServing(logger, graphQLPath, directory);
        }
        else
        {
            // A build with -p:BananaCakePopNpmInstall=false and no node_modules lands here; the API itself must still run.
            _files = new NullFileProvider();
            LogMissing(logger, directory);
        }

        var contentTypes = new FileExtensionContentTypeProvider();
        contentTypes.Mappings[".webmanifest"] = "application/manifest+json";

        _assets = new StaticFileMiddleware(
            next,
            environment,
            Options.Create(new StaticFileOptions
            {
                RequestPath = graphQLPath,
                FileProvider = _files,
                ContentTypeProvider = contentTypes,
                // Only the extensionless LICENSE needs this; the folder holds nothing but the published package.
                ServeUnknownFileTypes = true,
                DefaultContentType = "text/plain; charset=utf-8",
                OnPrepareResponse = SetCacheHeaders,
            }),
            loggerFactory).Invoke;
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.Request;
        if (!_options.CurrentValue.Enabled
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(_graphQLPath, out var remaining)
            || _files is NullFileProvider)
        {
            return _next(context);
        }

        if (!remaining.HasValue)
        {
            return WantsIde(request) ? RedirectToIde(context) : _next(context);
        }

        if (remaining.Value == "/")
        {
            return WantsIde(request) ? SendIndexAsync(context) : _next(context);
        }

        if (remaining.Equals(ConfigPath))
        {
            return SendConfigAsync(context);
        }

        return _assets(context);
    }

    private static bool WantsIde(HttpRequest request)
    {
        if (GraphQLQueryParameters.Any(request.Query.ContainsKey))
        {
            return false;
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(type =>
            type.Quality is not <= 0
            && (type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)));
    }

    private static Task RedirectToIde(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;

        // Not permanent: switching the IDE off must not leave browsers stuck on a cached redirect.
        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = request.PathBase.Add(request.Path).Add(new PathString("/")).ToUriComponent()
            + request.QueryString.ToUriComponent();
        response.Headers.Vary = HeaderNames.Accept;
        response.Headers.CacheControl = "no-cache";
        return Task.CompletedTask;
    }

    private Task SendIndexAsync(HttpContext context)
    {
        var file = _files.GetFileInfo(IndexFile);
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = file.Length;
        response.Headers.Vary = HeaderNames.Accept;
        // index.html names the hashed bundles; it must be revalidated so an upgraded package takes effect.
        response.Headers.CacheControl = "no-cache";

        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.SendFileAsync(file, context.RequestAborted);
    }

    private async Task SendConfigAsync(HttpContext context)
    {
        var options = _options.CurrentValue;

        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            // With useBrowserUrlAsEndpoint the IDE resolves "endpoint" against the page's own origin, so the same
            // answer works behind any host name, port or TLS-terminating proxy; PathBase covers a mounted app.
            json.WriteString("endpoint", context.Request.PathBase.Add(_graphQLPath).ToUriComponent());
            json.WriteBoolean("useBrowserUrlAsEndpoint", true);
            json.WriteString("title", options.Title);
            // Telemetry would be the IDE's only call home at start-up; the IDE must work offline.
            json.WriteBoolean("disableTelemetry", true);
            json.WriteEndObject();
        }

        var response = context.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.Length;
        response.Headers.CacheControl = "no-cache";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
        }
    }

    private void SetCacheHeaders(StaticFileResponseContext file)
    {
        // Files under static/ carry a content hash in their names, so they never change; everything else
        // (service-worker.js, manifest, icons, LICENSE) keeps its name across IDE versions.
        var immutable = file.Context.Request.Path.StartsWithSegments(_graphQLPath.Add(HashedAssetsPath));
        file.Context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the Banana Cake Pop GraphQL IDE at {Path}/ from {Directory}.")]
    private static partial void LogServing(ILogger logger, PathString path, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Banana Cake Pop GraphQL IDE is not available: {Directory} has no index.html. Build the API with npm available (see src/RoleGraph.Api/Ide/README.md).")]
    private static partial void LogMissing(ILogger logger, string directory);
}
