namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class HooksSkipped
{
    [BeforeScenario]
    public void Before1()
    {
    }

    [BeforeScenario("@skip-before")]
    public void SkipBefore() => throw new SkipScenarioException();

    [BeforeScenario]
    public void Before2()
    {
    }

    [StepDefinition("a normal step")]
    public void Normal()
    {
    }

    [StepDefinition("a step that skips")]
    public void Skips() => throw new SkipScenarioException();

    [AfterScenario]
    public void After1()
    {
    }

    [AfterScenario("@skip-after")]
    public void SkipAfter() => throw new SkipScenarioException();

    [AfterScenario]
    public void After2()
    {
    }
}
