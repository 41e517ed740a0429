using Alpy.Lab.Runs;

namespace Alpy.Lab.Tests.Runs;

public sealed class RunIdTests
{
    [Fact]
    public void Given_new_ids_When_made_Then_they_are_six_safe_characters_and_differ()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => RunId.New()).ToList();

        ids.Should().OnlyContain(id => id.Value.Length == 6 && id.Value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)));
        ids.Distinct().Should().HaveCount(200);
    }

    [Theory]
    [InlineData("abc123", true)]
    [InlineData("ABC123", false)]
    [InlineData("abc12", false)]
    [InlineData("abc-12", false)]
    [InlineData("abc1234", false)]
    [InlineData(null, false)]
    public void Given_text_When_parsed_Then_only_the_exact_form_is_an_id(string? text, bool valid)
    {
        RunId.TryParse(text, out var id).Should().Be(valid);
        if (valid)
            id.Value.Should().Be(text);
    }
}
