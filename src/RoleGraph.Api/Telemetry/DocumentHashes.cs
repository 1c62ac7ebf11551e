using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using GraphQLParser.AST;

namespace RoleGraph.Api.Telemetry;

/// <summary>
/// The SHA-256 of a GraphQL document's text, for the operation span's graphql.document.hash. Kept per parsed document:
/// repeated requests reuse their parsed document (the validated-document cache), so a sampled repeat costs a table
/// lookup instead of encoding and hashing the text again; a document parsed for one request takes its hash with it.
/// </summary>
internal static class DocumentHashes
{
    private static readonly ConditionalWeakTable<GraphQLDocument, string> Known = [];

    public static string Of(GraphQLDocument document) => Known.GetValue(document, static d => Hash(d.Source.Span));

    private static string Hash(ReadOnlySpan<char> text)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, rented);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
