using GraphQL.DataLoader;
using RoleGraph.Api.GraphQL.Loading;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Services;

namespace RoleGraph.Api.GraphQL.QueryPower;

/// <summary>
/// The link pages one connection field asks for at one response level (a page of skills for each of 20 roles), as
/// one store read: the batch is keyed by the field's place in the document, whose arguments every node there shares.
/// </summary>
internal sealed class LinkPageLoader(GraphQueryService queries) : KeyedBatchLoader<LinkPageLoader.Key, LinkPage>
{
    public IDataLoaderResult<LinkPage> Load(object fieldInDocument, string id, LinkQuery query) =>
        Load(new Key(fieldInDocument, query), id, static page => page);

    protected override LinkPage Missing => LinkPage.Empty;

    protected override Task<IReadOnlyDictionary<string, LinkPage>> FetchAsync(Key key, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        queries.GetLinkPagesAsync(ids, key.Query, cancellationToken);

    /// <summary>A field of the document with the query its arguments make; equal by the field (and its relation) alone.</summary>
    internal sealed class Key(object fieldInDocument, LinkQuery query) : IEquatable<Key>
    {
        public object FieldInDocument { get; } = fieldInDocument;

        public LinkQuery Query { get; } = query;

        public bool Equals(Key? other) =>
            other is not null && ReferenceEquals(FieldInDocument, other.FieldInDocument)
            && Query.Relation == other.Query.Relation && Query.Direction == other.Query.Direction && Query.FarKind == other.Query.FarKind;

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(FieldInDocument), Query.Relation, Query.Direction, Query.FarKind);
    }
}
