using System.Text.RegularExpressions;
using Alpy.Runner.Expressions;

namespace Alpy.Runner.Tests.Expressions;

public sealed class CucumberExpressionTests
{
    private static Regex Compile(string expression) =>
        new(CucumberExpressionCompiler.Compile(expression, BuiltInParameterTypes.Find).Regex);

    [Theory]
    [InlineData("I have {int} cucumber(s) in my belly/stomach", "I have 1 cucumber in my belly", true)]
    [InlineData("I have {int} cucumber(s) in my belly/stomach", "I have 42 cucumbers in my stomach", true)]
    [InlineData("I have {int} cucumber(s) in my belly/stomach", "I have many cucumbers in my belly", false)]
    [InlineData("a {word} and a {string}", "a cat and a \"big dog\"", true)]
    [InlineData("a {word} and a {string}", "a cat and a 'big dog'", true)]
    [InlineData("a {word} and a {string}", "a big cat and a \"dog\"", false)]
    [InlineData("it costs {float} or {double}", "it costs 1.5 or -2", true)]
    [InlineData("anything: {}", "anything: at all", true)]
    [InlineData("literal \\(not optional\\) and a\\/b", "literal (not optional) and a/b", true)]
    [InlineData("literal \\(not optional\\) and a\\/b", "literal  and a", false)]
    [InlineData("regex characters .*+? are text", "regex characters .*+? are text", true)]
    [InlineData("regex characters .*+? are text", "regex characters xx are text", false)]
    public void Given_an_expression_When_a_step_text_is_matched_Then_it_matches_as_Cucumber_does(string expression, string text, bool matches)
    {
        // Given
        var regex = Compile(expression);

        // When
        var result = regex.IsMatch(text);

        // Then
        result.Should().Be(matches, $"\"{expression}\" compiles to {regex}");
    }

    [Fact]
    public void Given_parameters_When_compiled_Then_each_parameter_has_its_type_in_order()
    {
        // When
        var compiled = CucumberExpressionCompiler.Compile("{int} {word} {string}", BuiltInParameterTypes.Find);

        // Then
        compiled.Parameters.Select(p => p.Name).Should().Equal("int", "word", "string");
    }

    [Theory]
    [InlineData("a (b", "column 3", "'('")]
    [InlineData("a {int", "column 3", "'{'")]
    [InlineData("a () b", "column 3", "optional must contain some text")]
    [InlineData("a (({int})) b", "column 4", "another optional")]
    [InlineData("a ({int}) b", "column 3", "may not contain a parameter")]
    [InlineData("x/ y", "column 1", "alternative may not be empty")]
    [InlineData("(a)/(b) c", "column 1", "exclusively contain optionals")]
    [InlineData("bad \\escape", "column 5", "can be escaped")]
    [InlineData("a {in(t} b", "column 6", "may not appear in a parameter name")]
    public void Given_an_invalid_expression_When_compiled_Then_the_error_names_the_column_and_the_problem(string expression, string column, string problem)
    {
        // When
        var compile = () => CucumberExpressionCompiler.Compile(expression, BuiltInParameterTypes.Find);

        // Then
        compile.Should().Throw<ExpressionException>().Which.Message.Should().Contain(column).And.Contain(problem).And.Contain(expression);
    }

    [Fact]
    public void Given_an_unknown_parameter_type_When_compiled_Then_the_error_names_it_and_how_to_define_it()
    {
        // When
        var compile = () => CucumberExpressionCompiler.Compile("{airport} is closed", BuiltInParameterTypes.Find);

        // Then
        compile.Should().Throw<UndefinedParameterTypeException>()
            .Which.Should().Match<UndefinedParameterTypeException>(e => e.ParameterTypeName == "airport" && e.Message.Contains("StepArgumentTransformation", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_string_parameter_When_matched_Then_the_groups_are_the_tree_Cucumber_reports()
    {
        // Given
        var compiled = CucumberExpressionCompiler.Compile("the string {string} is logged", BuiltInParameterTypes.Find);
        var regex = new Regex(compiled.Regex);

        // When
        var match = regex.Match("the string \"hello\" is logged");
        var group = MatchGroup.From(match, GroupShape.Parse(compiled.Regex)[0]);

        // Then: the quoted value, with the double-quoted branch matched and the single-quoted one not
        group.Start.Should().Be(11);
        group.Value.Should().Be("\"hello\"");
        group.Children.Should().HaveCount(2);
        group.Children[0].Value.Should().Be("hello");
        group.Children[0].Children.Should().ContainSingle().Which.Start.Should().BeNull();
        group.Children[1].Start.Should().BeNull();
        group.Children[1].Children.Should().ContainSingle();
    }

    [Theory]
    [InlineData("^I have (\\d+) cukes$", "I have ")]
    [InlineData("^a (.*?) with (.*?)$", "a ")]
    [InlineData("^colou?r$", "colo")]
    [InlineData("^a|b$", "")]
    [InlineData("^I have 2\\.5 \\(or more\\)$", "I have 2.5 (or more)")]
    [InlineData("no anchor", "")]
    [InlineData("^(?:I have (\\d+) cukes)$", "I have ")]
    [InlineData("^(?:a|b)$", "")]
    [InlineData("^(?:a)|(?:b)$", "")]
    [InlineData("^(?:(?i)THE LINK is up)$", "")]
    [InlineData("^(?:port\\d+ is open)$", "port")]
    [InlineData("^(?:routers? restart)$", "router")]
    [InlineData("^(?:a b{2})$", "a ")]
    public void Given_an_anchored_pattern_When_its_literal_prefix_is_read_Then_every_match_starts_with_it(string pattern, string prefix)
    {
        RegexPrefix.Read(pattern).Should().Be(prefix);
    }
}
