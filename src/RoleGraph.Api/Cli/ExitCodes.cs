namespace RoleGraph.Api.Cli;

/// <summary>What the command-line verbs and the service exit with (README, "Exit codes").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input (a file, an argument, a setting) is invalid; nothing was changed.</summary>
    public const int InvalidInput = 1;

    /// <summary>The store cannot be opened or reached (in use by the running service, unreadable, down).</summary>
    public const int StoreUnavailable = 2;

    /// <summary>The service cannot listen on its address (taken by another process, not permitted); nothing was written.</summary>
    public const int CannotListen = 3;

    /// <summary>The service failed to start for a reason none of the others names; the line on standard error says which.</summary>
    public const int StartFailed = 4;
}
