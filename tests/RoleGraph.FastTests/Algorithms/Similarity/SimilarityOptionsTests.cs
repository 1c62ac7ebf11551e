using RoleGraph.Core.Algorithms.RoleSimilarity;

namespace RoleGraph.Tests.Algorithms.RoleSimilarity;

public sealed class SimilarityOptionsTests
{
    [Fact]
    public void Zero_weights_and_zero_explanation_sizes_are_valid()
    {
        new SimilarityOptions().Validate();
        new SimilarityOptions { SkillsWeight = 0, ToolsWeight = 0, TextWeight = 0, ExplainItems = 0, ExplainTerms = 0 }.Validate();
    }

    [Theory]
    [InlineData(nameof(SimilarityOptions.SkillsWeight), -1.0)]
    [InlineData(nameof(SimilarityOptions.ToolsWeight), double.NaN)]
    [InlineData(nameof(SimilarityOptions.TextWeight), double.PositiveInfinity)]
    [InlineData(nameof(SimilarityOptions.TextWeight), -0.001)]
    public void A_weight_that_is_negative_or_not_a_finite_number_is_named_with_its_value(string name, double weight)
    {
        var options = name switch
        {
            nameof(SimilarityOptions.SkillsWeight) => new SimilarityOptions { SkillsWeight = weight },
            nameof(SimilarityOptions.ToolsWeight) => new SimilarityOptions { ToolsWeight = weight },
            _ => new SimilarityOptions { TextWeight = weight },
        };

        var refused = Assert.Throws<ArgumentOutOfRangeException>(name, options.Validate);

        Assert.Equal(weight, refused.ActualValue);
        Assert.StartsWith("A similarity facet weight is a finite number of 0 or more.", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(SimilarityOptions.ExplainItems))]
    [InlineData(nameof(SimilarityOptions.ExplainTerms))]
    public void A_negative_explanation_size_is_refused_by_its_own_name(string name)
    {
        var options = name == nameof(SimilarityOptions.ExplainItems) ? new SimilarityOptions { ExplainItems = -1 } : new SimilarityOptions { ExplainTerms = -1 };

        var refused = Assert.Throws<ArgumentOutOfRangeException>(name, options.Validate);

        Assert.Equal(-1, refused.ActualValue);
        Assert.StartsWith("Explanation sizes are 0 or more.", refused.Message, StringComparison.Ordinal);
    }
}
