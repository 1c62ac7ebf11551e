using RoleGraph.Core.Algorithms.RoleSimilarity;

namespace RoleGraph.Tests.Algorithms.RoleSimilarity;

/// <summary>Each rule of the stemmer at the word length where it starts or stops applying.</summary>
public sealed class TextTokensStemmingTests
{
    private static string Stemmed(string word)
    {
        var letters = word.ToCharArray();
        return new string(letters, 0, TextTokens.Stem(letters));
    }

    [Theory]
    [InlineData("parties", "party")]
    [InlineData("ties", "tie")] // -ies wants a letter before it: "ties" is not "ty"
    [InlineData("lies", "lie")]
    public void Ies_becomes_y_only_after_at_least_two_letters(string word, string stem)
    {
        Assert.Equal(stem, Stemmed(word));
    }

    [Theory]
    [InlineData("asses", "ass")] // the one length where -sses differs from -s then -e: "asse" keeps its e below four letters
    [InlineData("classes", "class")]
    [InlineData("sses", "sse")] // the bare ending is no -sses plural, only a plural -s
    public void Sses_loses_its_es(string word, string stem)
    {
        Assert.Equal(stem, Stemmed(word));
    }

    [Theory]
    [InlineData("bugs", "bug")]
    [InlineData("gas", "gas")] // three letters: too short to be a plural
    [InlineData("class", "class")]
    [InlineData("status", "status")]
    [InlineData("analysis", "analysis")]
    public void A_final_s_is_a_plural_after_four_letters_unless_it_follows_s_u_or_i(string word, string stem)
    {
        Assert.Equal(stem, Stemmed(word));
    }

    [Theory]
    [InlineData("testing", "test")] // the shortest stem -ing may leave: four letters
    [InlineData("string", "string")]
    [InlineData("thing", "thing")]
    [InlineData("bring", "bring")]
    [InlineData("tested", "test")] // the same for -ed
    [InlineData("hired", "hired")]
    public void Ing_and_ed_go_only_when_four_letters_remain(string word, string stem)
    {
        Assert.Equal(stem, Stemmed(word));
    }

    [Theory]
    [InlineData("store", "stor")]
    [InlineData("make", "make")]
    [InlineData("use", "use")]
    [InlineData("analyses", "analys")] // -s, then the e the plural uncovered
    public void A_final_e_goes_only_when_four_letters_remain(string word, string stem)
    {
        Assert.Equal(stem, Stemmed(word));
    }
}
