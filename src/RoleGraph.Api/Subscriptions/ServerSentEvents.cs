using System.Text;
using GraphQL;

namespace RoleGraph.Api.Subscriptions;

/// <summary>The graphql-sse protocol's events as bytes on the wire.</summary>
internal static class ServerSentEvents
{
    public static readonly byte[] KeepAlive = ":\n\n"u8.ToArray();

    public static readonly byte[] Complete = "event: complete\ndata:\n\n"u8.ToArray();

    /// <summary>A result as an <c>event: next</c> (the serializer writes JSON on one line, as a data line needs).</summary>
    public static byte[] Next(IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        var text = serializer.Serialize(result);
        return Encoding.UTF8.GetBytes($"event: next\ndata: {text}\n\n");
    }
}
