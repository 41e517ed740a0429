namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Pending
{
    [StepDefinition("an implemented non-pending step")]
    public void Implemented()
    {
    }

    [StepDefinition("an implemented step that is skipped")]
    public void Skipped()
    {
    }

    [StepDefinition("an unimplemented pending step")]
    public void Unimplemented() => throw new PendingStepException();
}
