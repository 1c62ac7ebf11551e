using System.Text;
using GraphQL;

namespace RoleGraph.Api.Subscriptions;

/// <summary>The graphql-sse protocol's events as bytes on the wire.</summary>
internal static class ServerSentEvents
{
    public static readonly byte[] KeepAlive = ":\n\n"u8.ToArray();

    public static readonly byte[] Complete = "event: complete\ndata:\n\n"u8.ToArray();

    /// <summary>What comes before a result's JSON in an <c>event: next</c>.</summary>
    public static readonly byte[] NextStart = "event: next\ndata: "u8.ToArray();

    /// <summary>What ends an event.</summary>
    public static readonly byte[] NextEnd = "\n\n"u8.ToArray();

    /// <summary>A result as JSON, UTF-8, on one line (as an SSE data line needs): made once and shared by every stream of a subscription.</summary>
    public static byte[] Json(IGraphQLTextSerializer serializer, ExecutionResult result) => Encoding.UTF8.GetBytes(serializer.Serialize(result));

    /// <summary>A result as an <c>event: next</c>.</summary>
    public static byte[] Next(IGraphQLTextSerializer serializer, ExecutionResult result) => [.. NextStart, .. Json(serializer, result), .. NextEnd];
}
