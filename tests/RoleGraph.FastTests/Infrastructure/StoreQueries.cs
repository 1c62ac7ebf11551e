using RoleGraph.Core.Services;
using RoleGraph.Core.Store;

namespace RoleGraph.Tests.Infrastructure;

/// <summary>The query service over a store, as the API builds it: tests ask a store's questions through it.</summary>
public static class StoreQueries
{
    public static GraphQueryService Queries(this IGraphStore store) => new(store);
}
