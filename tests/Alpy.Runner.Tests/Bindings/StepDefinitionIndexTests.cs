using Alpy.Runner.Bindings;
using Alpy.Runner.Execution;
using Alpy.Runner.Features;

namespace Alpy.Runner.Tests.Bindings;

/// <summary>
/// The candidate index must never leave out a definition that matches: for every text, it finds
/// exactly what trying every definition's regex finds, in definition order. Each definition below
/// is one way a literal prefix could be misread.
/// </summary>
public sealed class StepDefinitionIndexTests
{
    private static readonly BindingRegistry Registry = BindingScanner.Scan([typeof(TrickySteps)], new IncrementingIdGenerator());

    [Theory]
    [InlineData("a router forwards", "AlternationAtStart")]
    [InlineData("the router forwards", "TheRouterAnything", "AlternationAtStart")]
    [InlineData("boot of router 3", "OptionalAtStart")]
    [InlineData("reboot of router 3", "OptionalAtStart")]
    [InlineData("the link is up", "InlineIgnoreCase")]
    [InlineData("THE LINK IS UP", "InlineIgnoreCase")]
    [InlineData("all links are down", "TopLevelAlternation")]
    [InlineData("link 4 is down", "TopLevelAlternation")]
    [InlineData("the rate is 2.5 (or more)", "EscapedMetacharacters")]
    [InlineData("port7 is open", "EscapeItDoesNotRead")]
    [InlineData("color red is shown", "QuantifierAfterLiteral")]
    [InlineData("colour red is shown", "QuantifierAfterLiteral")]
    [InlineData("the firewall reloads", "The_firewall_reloads")]
    [InlineData("The Firewall Reloads", "The_firewall_reloads")]
    [InlineData("a console prints banner", "OnlyAWhenStep")]
    [InlineData("the router restarts", "AnythingRestarts", "TRestarts", "TheRouterAnything")]
    [InlineData("the Router restarts", "AnythingRestarts", "TRestarts")]
    [InlineData("nothing like this", new string[0])]
    [InlineData("", new string[0])]
    public void Given_tricky_definitions_When_a_text_is_matched_through_the_index_Then_it_finds_every_matching_definition_in_order(string text, params string[] expected)
    {
        // Given
        Registry.Errors.Should().BeEmpty("every tricky definition must be valid to be tried");
        var index = new StepDefinitionIndex(Registry.StepDefinitions);
        var everyRegex = Registry.StepDefinitions.Where(d => d.Regex.IsMatch(text)).Select(d => d.Method.Name);

        // When
        var found = index.Matches(text).Select(m => m.Binding.Method.Name).ToList();

        // Then: what the index finds is what trying every definition finds (the expectation guards the comparison itself)
        found.Should().Equal(expected);
        found.Should().Equal(everyRegex);
    }

    [Fact]
    public void Given_a_text_matching_definitions_in_three_buckets_When_the_scenario_is_bound_Then_the_ambiguity_lists_every_candidate_in_definition_order()
    {
        // Given
        var run = StandaloneRun.Create([("features/tricky.feature", "Feature: Tricky\n\n  Scenario: Restart\n    When the router restarts\n")], [typeof(TrickySteps)], ids: new IncrementingIdGenerator());

        // When
        var report = run.DryRun();

        // Then
        report.Ambiguous.Should().ContainSingle();
        report.Ambiguous[0].Step.Matches.Select(m => m.Binding.Method.Name).Should().Equal("AnythingRestarts", "TRestarts", "TheRouterAnything");
    }

    [Fact]
    public void Given_a_definition_of_another_keyword_When_the_step_is_bound_Then_it_is_undefined_and_the_hint_names_that_definition()
    {
        // Given: only a When definition matches the text, and the step is a Given step
        var run = StandaloneRun.Create([("features/tricky.feature", "Feature: Tricky\n\n  Scenario: Banner\n    Given a console prints banner\n")], [typeof(TrickySteps)], ids: new IncrementingIdGenerator());

        // When
        var report = run.DryRun();

        // Then
        report.Undefined.Should().ContainSingle();
        report.Undefined[0].Step.Hint.Should().Contain("OnlyAWhenStep").And.Contain("but the step is a Given step");
    }

    [Binding]
    public sealed class TrickySteps
    {
        // Defined first, so definition order differs from the order of the index's buckets (words, first characters, anywhere).
        [StepDefinition(@"^(.*) restarts$")]
        public void AnythingRestarts(string what) => _ = what;

        [StepDefinition(@"^t(.*) restarts$")]
        public void TRestarts(string what) => _ = what;

        [StepDefinition(@"^the router (\w+)$")]
        public void TheRouterAnything(string what) => _ = what;

        [StepDefinition("the/a router forwards")]
        public void AlternationAtStart()
        {
        }

        [StepDefinition("(re)boot of router {int}")]
        public void OptionalAtStart(int router) => _ = router;

        [StepDefinition(@"^(?i)THE LINK is up$")]
        public void InlineIgnoreCase()
        {
        }

        [StepDefinition(@"^link (\d+) is down|all links are down$")]
        public void TopLevelAlternation(string? link) => _ = link;

        [StepDefinition(@"^the rate is 2\.5 \(or more\)$")]
        public void EscapedMetacharacters()
        {
        }

        [StepDefinition(@"^port\d+ is open$")]
        public void EscapeItDoesNotRead()
        {
        }

        [StepDefinition(@"^colou?r (\w+) is shown$")]
        public void QuantifierAfterLiteral(string color) => _ = color;

        // No expression: the method name is the pattern, matched ignoring case.
        [StepDefinition]
        public void The_firewall_reloads()
        {
        }

        [When("a console prints banner")]
        public void OnlyAWhenStep()
        {
        }
    }
}
