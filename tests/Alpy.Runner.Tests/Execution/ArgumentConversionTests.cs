using System.Globalization;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.Execution;

public sealed class ArgumentConversionTests
{
    private static readonly List<string> Log = [];

    [Fact]
    public async Task Given_typed_parameters_When_steps_run_Then_values_are_converted_and_custom_types_transformed()
    {
        // Given
        Log.Clear();
        const string feature = """
            Feature: Conversions
              Scenario: all kinds
                Given a Dark Red light with 3 bulbs at 2.5 watts
                And the flight LHR-CDG is delayed
                And 40 EUR is charged
                And a note:
                  ""\"
                  multi
                  line
                  ""\"
                And a blue light
                And the word 'quoted \'inner\' text' is said
            """;

        // When
        var (results, messages, _) = await EngineHarness.RunAsync(feature.Replace("\"\"\\\"", "\"\"\"", StringComparison.Ordinal), [typeof(ConversionSteps)]);

        // Then
        results.Single().Status.Should().Be(TestStepResultStatus.Passed, string.Join("\n", results.Single().Outcomes.Select(o => o.Error?.Message)));
        Log.Should().Equal("DarkRed 3 2.5", "LHR to CDG", "40 EUR", "multi|line", "Blue", "quoted 'inner' text");
        messages.Where(m => m.ParameterType is not null).Select(m => m.ParameterType!.Name).Should().Equal("flight", "Money");
    }

    [Fact]
    public async Task Given_text_that_does_not_convert_When_the_step_runs_Then_it_fails_naming_the_parameter_and_the_allowed_values()
    {
        var (results, _, _) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given a light of colour Purple\n", [typeof(ConversionSteps)]);

        var outcome = results.Single().Outcomes.Single();
        outcome.Status.Should().Be(TestStepResultStatus.Failed);
        outcome.Error!.Message.Should().Contain("Cannot convert \"Purple\" to parameter Colour colour").And.Contain("one of: DarkRed, Blue");
    }

    [Fact]
    public async Task Given_a_step_with_a_cancellation_token_When_it_runs_Then_the_scenario_token_is_passed()
    {
        Log.Clear();

        var (results, _, _) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given a long wait\n", [typeof(ConversionSteps)]);

        results.Single().Status.Should().Be(TestStepResultStatus.Passed);
        Log.Should().Equal("token can be cancelled: True");
    }

    public enum Colour
    {
        DarkRed,
        Blue,
    }

    public sealed record Flight(string From, string To);

    public sealed record Money(int Amount, string Currency);

    [Binding]
    public sealed class ConversionSteps
    {
        [StepArgumentTransformation("([A-Z]{3})-([A-Z]{3})", Name = "flight")]
        public static Flight ToFlight(string from, string to) => new(from, to);

        [StepArgumentTransformation(@"(\d+) (EUR|USD)")]
        public static Money ToMoney(int amount, string currency) => new(amount, currency);

        [Given("a {word} {word} light with {int} bulbs at {double} watts")]
        public void Light(string first, string second, int bulbs, double watts) =>
            Log.Add($"{Enum.Parse<Colour>(first + second)} {bulbs} {watts.ToString(CultureInfo.InvariantCulture)}");

        [Given("the flight {flight} is delayed")]
        public void Delayed(Flight flight) => Log.Add($"{flight.From} to {flight.To}");

        [Given("{Money} is charged")]
        public void Charged(Money money) => Log.Add($"{money.Amount} {money.Currency}");

        [Given("a note:")]
        public void Note(string text) => Log.Add(text.Replace("\n", "|", StringComparison.Ordinal));

        [Given("a {Colour} light")]
        public void ColourLight(Colour colour) => Log.Add(colour.ToString());

        [Given("a light of colour {word}")]
        public void LightOf(Colour colour) => Log.Add(colour.ToString());

        [Given("the word {string} is said")]
        public void Said(string word) => Log.Add(word);

        [Given("a long wait")]
        public void Wait(CancellationToken cancellationToken) => Log.Add("token can be cancelled: " + cancellationToken.CanBeCanceled);
    }
}
