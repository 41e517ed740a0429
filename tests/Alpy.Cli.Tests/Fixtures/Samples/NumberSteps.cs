using Reqnroll;

[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

namespace Alpy.Cli.Samples;

/// <summary>Steps over one number per scenario.</summary>
[Binding]
public sealed class NumberSteps
{
    private int _number;

    [Given("the number {int}")]
    public void GivenTheNumber(int number) => _number = number;

    [When("it is doubled")]
    public void WhenDoubled() => _number *= 2;

    [When("{int} is added")]
    public void WhenAdded(int addend) => _number += addend;

    [Then("it is {int}")]
    public void ThenItIs(int expected)
    {
        if (_number != expected)
            throw new InvalidOperationException($"Expected {expected}, but the number is {_number}.");
    }
}
