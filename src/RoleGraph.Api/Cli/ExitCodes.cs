namespace RoleGraph.Api.Cli;

/// <summary>What the command-line verbs exit with.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input (a file, an argument) is invalid; nothing was changed.</summary>
    public const int InvalidInput = 1;

    /// <summary>The store cannot be opened or reached (in use by the running service, unreadable, down).</summary>
    public const int StoreUnavailable = 2;
}
