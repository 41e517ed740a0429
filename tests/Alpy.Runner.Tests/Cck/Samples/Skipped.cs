namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Skipped
{
    [StepDefinition("a step that does not skip")]
    public void DoesNotSkip()
    {
    }

    [StepDefinition("a step that is skipped")]
    public void IsSkipped()
    {
    }

    [StepDefinition("I skip a step")]
    public void Skip() => throw new SkipScenarioException();
}

[Binding]
public sealed class SkippedThrown
{
    [StepDefinition("I skip a step")]
    public void Skip() => throw new SkipScenarioException("skipping");
}
