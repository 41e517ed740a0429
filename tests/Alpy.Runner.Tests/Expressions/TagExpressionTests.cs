using Alpy.Runner.Bindings;

namespace Alpy.Runner.Tests.Expressions;

public sealed class TagExpressionTests
{
    [Theory]
    [InlineData("@smoke", "@smoke", true)]
    [InlineData("smoke", "@smoke", true)]
    [InlineData("@smoke and not @slow", "@smoke @slow", false)]
    [InlineData("@smoke and not @slow", "@smoke", true)]
    [InlineData("(@a or @b) and @c", "@b @c", true)]
    [InlineData("(@a or @b) and @c", "@a", false)]
    [InlineData("not @wip", "", true)]
    public void Given_a_tag_expression_When_evaluated_against_tags_Then_and_or_not_and_parentheses_apply(string expression, string tags, bool expected)
    {
        // Given
        var parsed = TagExpression.Parse(expression);
        var set = tags.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

        // Then
        parsed.Matches(set).Should().Be(expected);
    }

    [Theory]
    [InlineData("@a and", "ends too early")]
    [InlineData("(@a or @b", "without its")]
    [InlineData("@a @b", "unexpected")]
    [InlineData("and @a", "where a tag should be")]
    public void Given_a_broken_tag_expression_When_parsed_Then_the_error_says_what_is_wrong(string expression, string problem)
    {
        var parse = () => TagExpression.Parse(expression);
        parse.Should().Throw<FormatException>().WithMessage($"*{problem}*");
    }
}
