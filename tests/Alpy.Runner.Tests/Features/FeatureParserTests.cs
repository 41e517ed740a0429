using Alpy.Runner.Features;

namespace Alpy.Runner.Tests.Features;

public sealed class FeatureParserTests
{
    private static FeatureFile Parse(string text, string? language = null) => FeatureParser.Parse("features/x.feature", text, language, new IncrementingIdGenerator());

    [Fact]
    public void Given_an_outline_with_two_examples_blocks_When_parsed_Then_each_row_is_a_scenario_with_values_and_tags()
    {
        // Given
        const string text = """
            @feature
            Feature: Eating
              Background:
                Given a basket

              @outline
              Scenario Outline: Eating <eat> of <start>
                When I eat <eat> of <start>
                And I check:
                  | left   |
                  | <left> |

                @small
                Examples: small
                  | start | eat | left |
                  | 12    | 5   | 7    |

                Examples: large
                  | start | eat | left |
                  | 100   | 50  | 50   |
            """;

        // When
        var feature = Parse(text);

        // Then
        feature.Error.Should().BeNull();
        feature.Scenarios.Should().HaveCount(2);
        var first = feature.Scenarios[0];
        first.Title.Should().Be("Eating 5 of 12");
        first.Line.Should().Be(16);
        first.DisplayName.Should().Be("Eating 5 of 12 (start: 12, eat: 5, left: 7)");
        first.Tags.Should().Equal("@feature", "@outline", "@small");
        first.Steps.Select(s => s.Text).Should().Equal("a basket", "I eat 5 of 12", "I check:");
        first.Steps.Select(s => s.Kind).Should().Equal(StepKinds.Given, StepKinds.When, StepKinds.When);
        first.Steps[2].Table!.Rows[0]["left"].Should().Be("7");
        feature.Scenarios[1].Tags.Should().Equal("@feature", "@outline");
        feature.Scenarios[1].Pickle.AstNodeIds.Should().HaveCount(2);
    }

    [Fact]
    public void Given_a_syntax_error_When_parsed_Then_the_error_has_the_parser_message_and_position()
    {
        var feature = Parse("Feature: Broken\n  Scenario: one\n    Given a step\n    | a | b |\n    | c |\n");

        feature.Error.Should().NotBeNull();
        feature.Error!.Line.Should().Be(5);
        feature.Error.ToString().Should().StartWith("features/x.feature:5:").And.Contain("inconsistent cell count");
        feature.Scenarios.Should().BeEmpty();
    }

    [Fact]
    public void Given_a_language_header_When_parsed_Then_its_keywords_apply_and_steps_get_their_kinds()
    {
        var feature = Parse("# language: de\nFunktionalität: Begrüßung\n  Szenario: Hallo\n    Angenommen ein Rechner\n    Wenn ich rechne\n    Und noch einmal\n    Dann stimmt es\n");

        feature.Error.Should().BeNull();
        feature.Language.Should().Be("de");
        feature.Scenarios.Single().Steps.Select(s => s.Kind).Should().Equal(StepKinds.Given, StepKinds.When, StepKinds.When, StepKinds.Then);
    }

    [Fact]
    public void Given_a_default_language_from_configuration_When_parsed_Then_files_without_a_header_use_it()
    {
        var feature = Parse("Fonctionnalité: Bonjour\n  Scénario: un\n    Soit un pas\n", language: "fr-FR");

        feature.Error.Should().BeNull();
        feature.Scenarios.Single().Steps.Single().Kind.Should().Be(StepKinds.Given);
    }

    [Fact]
    public void Given_doc_strings_When_parsed_Then_content_media_type_and_delimiter_are_kept()
    {
        var feature = Parse("Feature: Docs\n  Scenario: one\n    Given a text:\n      \"\"\"json\n      {\"a\": 1}\n      \"\"\"\n");

        var step = feature.Scenarios.Single().Steps.Single();
        step.DocString.Should().Be("{\"a\": 1}");
        step.DocStringMediaType.Should().Be("json");
        feature.Document!.Feature!.Children[0].Scenario!.Steps[0].DocString!.Delimiter.Should().Be("\"\"\"");
    }

    [Fact]
    public void Given_an_empty_file_When_parsed_Then_it_has_no_feature_and_no_error()
    {
        var feature = Parse(string.Empty);

        feature.Error.Should().BeNull();
        feature.Document!.Feature.Should().BeNull();
        feature.Scenarios.Should().BeEmpty();
    }
}
