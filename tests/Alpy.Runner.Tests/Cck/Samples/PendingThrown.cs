namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class PendingThrown
{
    [StepDefinition("an unimplemented pending step")]
    public void Unimplemented() => throw new PendingStepException("TODO");
}
