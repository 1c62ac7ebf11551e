using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace RoleGraph.Api.Http;

/// <summary>
/// Parsed documents that already passed validation (GraphQL's core rules and RoleGraph's own), keyed by their text
/// and operation name, for requests without variables. Every rule that ran depends only on the document, the
/// operation, the schema and the limits fixed at start-up, so a repeat of the same request skips the parse and the
/// core rules, and <see cref="RepeatedDocumentRules"/> drops the document-only limit rules too. A profile of the
/// service showed the core rules costing as much as executing a 68-item answer.
/// </summary>
internal sealed class ValidatedDocumentCache
{
    /// <summary>Enough for every distinct query a frontend sends.</summary>
    public const int Capacity = 1_000;

    /// <summary>Longer documents are rare and cheap to validate relative to their size; they are not kept.</summary>
    public const int MaxQueryLength = 8_192;

    private readonly ConcurrentDictionary<(string Query, string? OperationName), GraphQLDocument> _documents = new();

    // The same documents by identity: the execution pipeline sees the document object, not the request's text.
    private readonly ConcurrentDictionary<GraphQLDocument, byte> _instances = new(ReferenceEqualityComparer.Instance);

    public GraphQLDocument? Get(string query, string? operationName) =>
        _documents.TryGetValue((query, operationName), out var document) ? document : null;

    /// <summary>Whether this very document object came from the cache (so it was validated before and has no variables).</summary>
    public bool Holds(GraphQLDocument document) => _instances.ContainsKey(document);

    /// <summary>
    /// Remembers a document whose execution got past validation. When full it starts over rather than refusing new
    /// entries, so one-off queries cannot fill it for good and the queries that repeat come back within a round.
    /// </summary>
    public void Add(string query, string? operationName, GraphQLDocument document)
    {
        if (query.Length > MaxQueryLength || !_documents.TryAdd((query, operationName), document))
        {
            return;
        }

        _instances.TryAdd(document, 0);
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _documents.Clear();
            _instances.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
    }

    private int _count;
}
