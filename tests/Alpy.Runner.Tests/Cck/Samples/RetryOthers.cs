namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class RetryAmbiguous
{
    [StepDefinition("an ambiguous step")]
    public void First()
    {
    }

    [StepDefinition("an ambiguous step")]
    public void Second()
    {
    }
}

[Binding]
public sealed class RetryPending
{
    [StepDefinition("a pending step")]
    public void PendingStep() => throw new PendingStepException();
}
