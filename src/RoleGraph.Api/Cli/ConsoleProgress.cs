using RoleGraph.Importing.Onet;

namespace RoleGraph.Api.Cli;

/// <summary>
/// Progress of a long import on standard error: one line per file as it finishes, and a running count in between
/// when the error stream is a terminal (so logs in CI stay readable).
/// </summary>
internal sealed class ConsoleProgress(TextWriter error) : IProgress<OnetProgress>
{
    private readonly bool _interactive = !Console.IsErrorRedirected;

    public void Report(OnetProgress value)
    {
        if (value.Done >= value.Total)
        {
            error.WriteLine($"{(_interactive ? "\r" : "")}{value.Stage}: {value.Total:N0} rows read");
        }
        else if (_interactive)
        {
            error.Write($"\r{value.Stage}: {value.Done:N0} / {value.Total:N0}");
        }
    }
}
