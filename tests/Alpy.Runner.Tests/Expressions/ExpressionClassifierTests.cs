using Alpy.Runner.Expressions;

namespace Alpy.Runner.Tests.Expressions;

public sealed class ExpressionClassifierTests
{
    [Theory]
    [InlineData("^I have (\\d+) cukes$", ExpressionType.RegularExpression)]
    [InlineData("I have (.*) cukes", ExpressionType.RegularExpression)]
    [InlineData("I have \\d+ cukes", ExpressionType.RegularExpression)]
    [InlineData("I have (one|two) cukes", ExpressionType.RegularExpression)]
    [InlineData("I have {int} cukes", ExpressionType.CucumberExpression)]
    [InlineData("I have {int} cuke(s)", ExpressionType.CucumberExpression)]
    [InlineData("I have a cuke", ExpressionType.CucumberExpression)]
    [InlineData("I have a cuke(s) in my belly/stomach", ExpressionType.CucumberExpression)]
    public void Given_an_expression_without_a_type_When_classified_Then_Reqnroll_rules_decide(string expression, ExpressionType expected)
    {
        ExpressionClassifier.Classify(expression).Should().Be(expected);
    }
}
