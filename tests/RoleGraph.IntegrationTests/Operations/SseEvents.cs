using System.Text;
using System.Text.Json.Nodes;

namespace RoleGraph.Tests.Operations;

/// <summary>Reads a text/event-stream as the graphql-sse protocol writes it: events of an "event:" line and "data:" lines, ended by a blank line.</summary>
internal sealed class SseEvents(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public sealed record Event(string Name, string Data)
    {
        public JsonNode? Json => Data.Length == 0 ? null : JsonNode.Parse(Data);
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>The next event (comments, the keep-alives, skipped), or null at the end of the stream.</summary>
    public async Task<Event?> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    return new Event(name, data.ToString());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line["data:".Length..].TrimStart());
            }
        }

        return null;
    }

    /// <summary>The next event, which must come within <paramref name="patience"/>.</summary>
    public async Task<Event> NextAsync(TimeSpan patience)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(patience);
        return await NextAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
    }
}
