using RoleGraph.Core.Algorithms.RoleSimilarity;

namespace RoleGraph.Tests.Algorithms.RoleSimilarity;

/// <summary>How text is cut into words, before stemming.</summary>
public sealed class TextTokensWordsTests
{
    [Fact]
    public void Numbers_are_no_words_but_letters_with_digits_are()
    {
        Assert.Equal(["hired", "analyst", "3d", "work", "a4", "paper"], TextTokens.Terms("In 2024 we hired 15 analysts for 3D work on A4 paper"));
        Assert.Empty(TextTokens.Terms("1999 2024 42"));
    }

    [Fact]
    public void A_word_longer_than_the_maximum_is_cut_and_its_rest_is_no_word_of_its_own()
    {
        var longest = new string('k', TextTokens.MaxWordLength);

        Assert.Equal([longest], TextTokens.Terms(longest));
        Assert.Equal([longest, "next"], TextTokens.Terms(longest + "kk next"));
    }

    [Fact]
    public void Next_writes_no_more_than_the_maximum_into_a_larger_buffer()
    {
        var text = new string('k', 50) + " next";
        Span<char> word = stackalloc char[64];
        var position = 0;

        Assert.Equal(48, TextTokens.Next(text, ref position, word));
        Assert.Equal(50, position);
        Assert.Equal(4, TextTokens.Next(text, ref position, word));
        Assert.Equal("next", new string(word[..4]));
        Assert.Equal(0, TextTokens.Next(text, ref position, word));
    }

    [Fact]
    public void Null_text_is_refused()
    {
        Assert.Throws<ArgumentNullException>("text", () => TextTokens.Terms(null!));
    }
}
