using GraphQL.Builders;

namespace RoleGraph.Api.GraphQL.Plans;

internal static class PlainAccessorExtensions
{
    /// <summary>
    /// Resolves the field with <paramref name="accessor"/> and marks it as a plain read of its source, so compiled
    /// plans may read it directly (see <see cref="PlainAccessor"/>). Only for accessors that cannot throw or block.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> PlainAccessor<TSource, TReturn>(this FieldBuilder<TSource, TReturn> builder, Func<TSource, TReturn?> accessor)
    {
        builder.Resolve(c => accessor(c.Source));
        builder.FieldType.Metadata[Plans.PlainAccessor.MetadataKey] = new PlainAccessor(source => accessor((TSource)source), builder.FieldType.Resolver!);
        return builder;
    }
}
