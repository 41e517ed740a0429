namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class AllStatuses
{
    [StepDefinition("^a step$")]
    public void Step()
    {
    }

    [StepDefinition("^a failing step$")]
    public void Failing() => throw new InvalidOperationException("whoops");

    [StepDefinition("^a pending step$")]
    public void Pending() => throw new PendingStepException();

    [StepDefinition("^a skipped step$")]
    public void Skipped() => throw new SkipScenarioException();

    [StepDefinition("^an ambiguous (.*?)$")]
    public void Ambiguous1(string what) => _ = what;

    [StepDefinition("^(.*?) ambiguous step$")]
    public void Ambiguous2(string what) => _ = what;
}
