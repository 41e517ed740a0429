namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Backgrounds
{
    [StepDefinition("an order for {string}")]
    public void Order(string item) => _ = item;

    [StepDefinition("an action")]
    public void Action()
    {
    }

    [StepDefinition("an outcome")]
    public void Outcome()
    {
    }
}
