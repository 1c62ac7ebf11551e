using GraphQL.Resolvers;

namespace RoleGraph.Api.GraphQL.Plans;

/// <summary>
/// Marks a field whose resolver only reads its source: synchronous, pure, never throwing, no arguments, no services.
/// A compiled plan may call <see cref="Read"/> instead of running the field through GraphQL.NET; <see cref="Resolver"/>
/// is the resolver built from the same delegate, so a plan is only used while the field still resolves with it (a
/// field middleware that wraps resolvers would replace it, and the field would no longer qualify).
/// </summary>
internal sealed record PlainAccessor(Func<object, object?> Read, IFieldResolver Resolver)
{
    public const string MetadataKey = "RoleGraph.PlainAccessor";
}
