namespace Alpy.Runner.Samples;

[Binding]
public sealed class CalculatorSteps(Calculator calculator, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    [Given("a calculator")]
    public void GivenACalculator() => output.WriteLine($"calculator for {scenario.ScenarioInfo.Title}");

    [When("I add {int} and {int}")]
    public void WhenIAdd(int a, int b) => calculator.Add(a, b);

    [When("I add these numbers:")]
    public void WhenIAddThese(DataTable numbers) => calculator.Add(numbers.Rows.Select(r => int.Parse(r["number"], System.Globalization.CultureInfo.InvariantCulture)).ToArray());

    [Then("the result is {int}")]
    public async Task ThenTheResultIs(int expected)
    {
        await Task.Yield();
        output.AttachText($"result={calculator.Result}", "text/plain", "result.txt");
        if (calculator.Result != expected)
        {
            throw new InvalidOperationException($"Expected {expected} but the calculator shows {calculator.Result}.");
        }
    }

    [Then("the calculator is switched off")]
    public void ThenSwitchedOff() => calculator.On = false;

    [When("I do something not implemented yet")]
    public void WhenNotImplemented() => throw new PendingStepException();

    [When("I press the big button")]
    public void WhenIPressTheBigButton()
    {
    }

    [When(@"^I press the (\w+) button$")]
    public void WhenIPressAButton(string which) => output.WriteLine(which);

    [When("the scenario skips itself")]
    public void WhenSkips() => throw new SkipScenarioException("not on this machine");

    [Given("ein Rechner")]
    public void GivenEinRechner()
    {
    }

    [When("ich {int} und {int} addiere")]
    public void WhenIchAddiere(int a, int b) => calculator.Add(a, b);

    [Then("ist das Ergebnis {int}")]
    public void ThenIstDasErgebnis(int expected) => Assert.Equal(expected, calculator.Result);
}
