using GraphQL.DataLoader;

namespace RoleGraph.Api.GraphQL.Loading;

/// <summary>Joins two queued lookups into one field value, without dispatching either early.</summary>
internal sealed class CombinedLoadResult<TFirst, TSecond, TResult>(
    IDataLoaderResult<TFirst> first, IDataLoaderResult<TSecond> second, Func<TFirst, TSecond, TResult> combine) : IDataLoaderResult<TResult>
{
    public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
        combine(await first.GetResultAsync(cancellationToken), await second.GetResultAsync(cancellationToken));

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
