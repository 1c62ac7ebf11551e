namespace RoleGraph.Api.Hosting;

/// <summary>
/// Why the service cannot start, in one line for a person, with the exit code that says so to a script (the
/// codes of <see cref="Cli.ExitCodes"/>). An <see cref="InvalidOperationException"/>, so the verbs, which open the
/// store the same way, keep reporting it as they did.
/// </summary>
internal sealed class StartFailure(int exitCode, string message, Exception? innerException = null)
    : InvalidOperationException(message, innerException)
{
    public int ExitCode { get; } = exitCode;
}
