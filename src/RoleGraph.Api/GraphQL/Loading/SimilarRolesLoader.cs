using RoleGraph.Core.Services;
using GraphQL.DataLoader;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Loading;

/// <summary>Role.similar for every role of one response level, one store call per requested length.</summary>
internal sealed class SimilarRolesLoader(GraphQueryService queries) : KeyedBatchLoader<int, IReadOnlyList<SimilarRole>>
{
    public IDataLoaderResult<IReadOnlyList<SimilarRole>> Load(string roleId, int first) => Load(first, roleId, static similar => similar);

    protected override IReadOnlyList<SimilarRole> Missing => [];

    protected override Task<IReadOnlyDictionary<string, IReadOnlyList<SimilarRole>>> FetchAsync(int first, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        queries.SimilarRolesAsync(ids, first, cancellationToken);
}
