using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace RoleGraph.Api.GraphQL;

/// <summary>The schema as SDL, printed one way everywhere: GET /graphql?sdl, `schema export`, and the contract test.</summary>
internal static class SchemaSdl
{
    public static string Print(ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
}
