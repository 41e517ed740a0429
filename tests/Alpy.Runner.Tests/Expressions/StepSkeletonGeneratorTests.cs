using Alpy.Runner.Expressions;

namespace Alpy.Runner.Tests.Expressions;

public sealed class StepSkeletonGeneratorTests
{
    [Fact]
    public void Given_a_step_with_a_number_and_a_quoted_string_When_skeletons_are_written_Then_they_use_int_and_float_and_string()
    {
        // When
        var skeletons = StepSkeletonGenerator.Generate("Given", "I have 3 \"red\" apples", null, SkeletonStyle.CucumberExpressionAttribute);

        // Then
        skeletons.Should().HaveCount(2);
        skeletons[0].Should().Be("[Given(\"I have {int} {string} apples\")]\npublic void GivenIHaveApples(int p0, string p1)\n{\n    throw new PendingStepException();\n}");
        skeletons[1].Should().StartWith("[Given(\"I have {float} {string} apples\")]\npublic void GivenIHaveApples(double p0, string p1)");
    }

    [Fact]
    public void Given_the_regex_style_and_a_data_table_When_a_skeleton_is_written_Then_it_is_an_anchored_verbatim_regex_taking_the_table()
    {
        // When
        var skeletons = StepSkeletonGenerator.Generate("When", "I add (these) numbers:", "DataTable dataTable", SkeletonStyle.RegexAttribute);

        // Then
        skeletons.Should().ContainSingle().Which.Should().StartWith("[When(@\"^I add \\(these\\) numbers:$\")]\npublic void WhenIAddTheseNumbers(DataTable dataTable)");
    }

    [Fact]
    public void Given_cucumber_special_characters_When_a_skeleton_is_written_Then_they_are_escaped()
    {
        StepSkeletonGenerator.Generate("Then", "a/b (c) {d}", null, SkeletonStyle.CucumberExpressionAttribute)[0]
            .Should().StartWith("[Then(\"a\\\\/b \\\\(c\\\\) \\\\{d\\\\}\")]");
    }
}
