using RoleGraph.Importing.Onet;

namespace RoleGraph.Tests.Onet;

public sealed class OnetSlugTests
{
    [Theory]
    [InlineData("Computer and Information Research Scientists", "computer-and-information-research-scientists")]
    [InlineData("Physical Scientists, All Other", "physical-scientists-all-other")]
    [InlineData("Python", "python")]
    [InlineData("C", "c")]
    [InlineData("C++", "c-plus-plus")]
    [InlineData("C#", "c-sharp")]
    [InlineData("Notepad++", "notepad-plus-plus")]
    [InlineData("BrainTrain IVA+Plus", "braintrain-iva-plus-plus")]
    [InlineData("Chef's knives", "chefs-knives")]
    [InlineData("Chefs' knives", "chefs-knives")]
    [InlineData("Two-way radios", "two-way-radios")]
    [InlineData("Two way radios", "two-way-radios")]
    [InlineData("AT&T Troff", "at-t-troff")]
    [InlineData("  --Ruby on Rails__  ", "ruby-on-rails")]
    [InlineData("Café Señor Ærø", "cafe-senor-aero")]
    [InlineData("Microsoft SQL Server 2019", "microsoft-sql-server-2019")]
    [InlineData("?!", "")]
    public void Slugs_are_lower_case_words_joined_by_single_dashes(string name, string slug)
    {
        Assert.Equal(slug, OnetSlug.Of(name));
    }

    [Theory]
    [InlineData("design-computers-and-the-software-that-runs-them", "design-computers-and-the-software")]
    [InlineData("recommend-data-driven-solutions-to-key-stakeholders", "recommend-data-driven-solutions")]
    [InlineData("apply-theoretical-expertise-and-innovation-to-create", "apply-theoretical-expertise")]
    [InlineData("accept-payment-on-accounts", "accept-payment-on-accounts")]
    [InlineData("pneumonoultramicroscopicsilicovolcanoconiosis-testing", "pneumonoultramicroscopicsilicovolcanocon")] // cut at 40
    [InlineData("of-the", "of")]
    [InlineData("", "")]
    public void Task_ids_take_the_first_words_without_a_dangling_connector(string slug, string words)
    {
        Assert.Equal(words, OnetSlug.FirstWords(slug, 5, 40));
    }
}
