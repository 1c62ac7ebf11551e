using RoleGraph.Core.Algorithms.RoleSimilarity;

namespace RoleGraph.Tests.Algorithms.RoleSimilarity;

public sealed class TextTokensTests
{
    [Fact]
    public void Stop_words_one_letter_words_and_numbers_are_dropped_and_the_rest_lower_cased()
    {
        Assert.Equal(["repair", "brak", "truck", "3d", "model"], TextTokens.Terms("Repair the BRAKES of 2 trucks, a 3D model"));
    }

    [Fact]
    public void Inflections_of_a_verb_and_plurals_share_one_stem()
    {
        var stems = TextTokens.Terms("analyze analyzes analyzed analyzing");
        Assert.Single(stems.Distinct());
        Assert.Equal(TextTokens.Terms("dataset"), TextTokens.Terms("datasets"));
        Assert.Equal(TextTokens.Terms("supply"), TextTokens.Terms("supplies"));
    }

    [Fact]
    public void Short_words_keep_their_ending()
    {
        // Stripping would leave fewer than four letters: "used" and "speed" are not "us" and "spe".
        Assert.Equal(["used", "speed", "bus"], TextTokens.Terms("used speed bus"));
    }
}
