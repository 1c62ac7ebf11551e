using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace RoleGraph.Api.Explorer;

/// <summary>
/// Serves the explorer page (the vite build of src/RoleGraph.Explorer) at <see cref="Path"/>: a GET of the bare path
/// is redirected to the folder, whose index.html loads its hashed assets by relative URLs. Everything else goes to
/// the next middleware untouched.
/// </summary>
internal sealed partial class ExplorerMiddleware
{
    /// <summary>Folder under the application's base directory that the build copies the page into.</summary>
    public const string AssetFolder = "explorer";

    /// <summary>Where the page is served.</summary>
    public static readonly PathString Path = new("/explore");

    private const string IndexFile = "index.html";
    private static readonly PathString HashedAssetsPath = Path.Add("/assets");

    private readonly RequestDelegate _next;
    private readonly RequestDelegate _assets;
    private readonly IOptionsMonitor<ExplorerOptions> _options;
    private readonly IFileProvider _files;

    public ExplorerMiddleware(RequestDelegate next, IWebHostEnvironment environment, IOptionsMonitor<ExplorerOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        _next = next;
        _options = options;

        var logger = loggerFactory.CreateLogger<ExplorerMiddleware>();
        var directory = System.IO.Path.Combine(AppContext.BaseDirectory, AssetFolder);
        if (File.Exists(System.IO.Path.Combine(directory, IndexFile)))
        {
            _files = new PhysicalFileProvider(directory);
        }
        else
        {
            // A host whose build skipped the page (-p:ExplorerBuild=false without dist/) must still serve the API.
            _files = new NullFileProvider();
            if (options.CurrentValue.Enabled)
            {
                LogMissing(logger, directory);
            }
        }

        _assets = new StaticFileMiddleware(
            next,
            environment,
            Options.Create(new StaticFileOptions
            {
                RequestPath = Path,
                FileProvider = _files,
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
            || !request.Path.StartsWithSegments(Path, out var remaining)
            || _files is NullFileProvider)
        {
            return _next(context);
        }

        if (!remaining.HasValue)
        {
            // Not permanent: switching the page off must not leave browsers on a cached redirect.
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = request.PathBase.Add(Path).Add(new PathString("/")).ToUriComponent() + request.QueryString.ToUriComponent();
            context.Response.Headers.CacheControl = "no-cache";
            return Task.CompletedTask;
        }

        return remaining.Value == "/" ? SendIndexAsync(context) : _assets(context);
    }

    private Task SendIndexAsync(HttpContext context)
    {
        var file = _files.GetFileInfo(IndexFile);
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = file.Length;
        // index.html names the hashed bundles; it must be revalidated so a new build takes effect.
        response.Headers.CacheControl = "no-cache";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.SendFileAsync(file, context.RequestAborted);
    }

    private static void SetCacheHeaders(StaticFileResponseContext file)
    {
        // vite names every file under assets/ by its content hash, so those never change.
        var immutable = file.Context.Request.Path.StartsWithSegments(HashedAssetsPath);
        file.Context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The explorer page is not available: {Directory} has no index.html. Build the API with npm available (see src/RoleGraph.Explorer/README.md).")]
    private static partial void LogMissing(ILogger logger, string directory);
}
