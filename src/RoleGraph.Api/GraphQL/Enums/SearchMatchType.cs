using GraphQL.Types;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Enums;

internal sealed class SearchMatchType : EnumerationGraphType<SearchMatch>
{
    public SearchMatchType()
    {
        Name = "SearchMatch";
        Description = "How a search text matched, best first: EXACT > PREFIX > TOKEN > SUBSTRING.";
        Values["EXACT"]!.Description = "The whole name or alias equals the text (case-insensitive).";
        Values["PREFIX"]!.Description = "The name or alias starts with the text.";
        Values["TOKEN"]!.Description = "A later word of the name or alias starts with the text.";
        Values["SUBSTRING"]!.Description = "The text occurs inside a word of the name or alias.";
    }
}
