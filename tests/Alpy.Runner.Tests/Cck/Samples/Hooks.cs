namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Hooks
{
    [BeforeScenario]
    public void Before()
    {
    }

    [StepDefinition("a step passes")]
    public void Passes()
    {
    }

    [StepDefinition("a step fails")]
    public void Fails() => throw new InvalidOperationException("Exception in step");

    [AfterScenario]
    public void After()
    {
    }
}
