namespace RoleGraph.Api.Limits;

/// <summary>The extensions.code of each limit's breach.</summary>
internal static class LimitCodes
{
    public const string Depth = "MAX_DEPTH_EXCEEDED";
    public const string Complexity = "MAX_COMPLEXITY_EXCEEDED";
    public const string Aliases = "MAX_ALIASES_EXCEEDED";
    public const string Directives = "MAX_DIRECTIVES_EXCEEDED";
    public const string Tokens = "MAX_TOKENS_EXCEEDED";
    public const string BodySize = "REQUEST_TOO_LARGE";
    public const string Timeout = "EXECUTION_TIMEOUT";
    public const string RateLimited = "RATE_LIMITED";
    public const string Introspection = "INTROSPECTION_DISABLED";
}
