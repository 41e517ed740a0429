namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class HooksNamed
{
    [BeforeScenario(Name = "A named before hook")]
    public void Before()
    {
    }

    [StepDefinition("a step passes")]
    public void Passes()
    {
    }

    [AfterScenario(Name = "A named after hook")]
    public void After()
    {
    }
}
