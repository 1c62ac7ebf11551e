using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using RoleGraph.Api.Cli;

namespace RoleGraph.Api.Hosting;

/// <summary>
/// Turns whatever stopped the service from starting into the one line it prints on standard error and its exit
/// code (README, "Exit codes"), instead of an unhandled exception: a stack trace and SIGABRT (134).
/// </summary>
internal static class StartFailures
{
    public static (int ExitCode, string Line) Describe(Exception exception)
    {
        var e = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var (code, message) = e switch
        {
            StartFailure failure => (failure.ExitCode, failure.Message),

            // Kestrel: "Failed to bind to address http://127.0.0.1:5080: address already in use."
            IOException { InnerException: AddressInUseException or SocketException } bind =>
                (ExitCodes.CannotListen, $"{bind.Message} Another process listens there: stop it, or choose another address with --urls or ASPNETCORE_URLS."),
            SocketException socket => (ExitCodes.CannotListen, $"Cannot listen: {socket.Message}."),

            OptionsValidationException invalid => (ExitCodes.InvalidInput, $"Invalid settings: {invalid.Message}"),

            // Configuration binding: "Failed to convert configuration value at 'RoleGraph:Store' to type '...'."
            InvalidOperationException binding when binding.Message.Contains("configuration value", StringComparison.Ordinal) =>
                (ExitCodes.InvalidInput, $"Invalid settings: {binding.Message}"),

            // Kestrel's reading of --urls / ASPNETCORE_URLS.
            FormatException url => (ExitCodes.InvalidInput, $"Invalid settings: {url.Message}"),

            _ => (ExitCodes.StartFailed, e.Message),
        };

        return (code, $"RoleGraph cannot start: {OneLine(message)}");
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
