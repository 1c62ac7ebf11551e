using GraphQLParser;

namespace RoleGraph.Api.Limits;

/// <summary>Counts a document's lexical tokens without parsing it, stopping as soon as the limit is passed.</summary>
internal static class TokenCounter
{
    /// <returns>The count, or limit + 1 once it is passed; null when the text does not lex (the parser will say why).</returns>
    public static int? Count(string document, int limit)
    {
        var count = 0;
        var position = 0;
        try
        {
            while (count <= limit)
            {
                var token = Lexer.Lex(document, position);
                if (token.Kind == TokenKind.EOF)
                {
                    break;
                }

                count++;
                position = token.End;
            }
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null;
        }

        return count;
    }
}
