using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using RoleGraph.Api.Security;

namespace RoleGraph.Api.Subscriptions;

/// <summary>
/// What decides a subscription's events: the document's text, the operation chosen, the variables and extensions as
/// sent, and what authorization sees of the caller (signed in or not, and the scopes). Streams with equal keys get the
/// same bytes, so they share one execution (<see cref="SharedSubscriptions"/>).
/// </summary>
internal sealed record SubscriptionKey(string Query, string? OperationName, string? Variables, string? Extensions, string Audience)
{
    public static SubscriptionKey Of(GraphQLRequest request, ClaimsPrincipal user, IGraphQLTextSerializer serializer) => new(
        request.Query ?? "",
        request.OperationName,
        request.Variables is null ? null : serializer.Serialize(request.Variables),
        request.Extensions is null ? null : serializer.Serialize(request.Extensions),
        user.Identity?.IsAuthenticated == true ? "scopes:" + string.Join(' ', RoleGraphScopes.Of(user).Distinct().Order(StringComparer.Ordinal)) : "anonymous");
}
