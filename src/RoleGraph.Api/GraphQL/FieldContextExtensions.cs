using RoleGraph.Core.Services;
using GraphQL;
using RoleGraph.Api.GraphQL.Loading;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL;

/// <summary>The request's services as resolvers need them.</summary>
internal static class FieldContextExtensions
{
    public static IGraphStore Store(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<IGraphStore>();

    public static GraphQueryService Queries(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<GraphQueryService>();

    public static LinkBatchLoader Links(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<LinkBatchLoader>();

    public static SimilarRolesLoader SimilarRoles(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<SimilarRolesLoader>();
}
