namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Minimal
{
    [StepDefinition("I have {int} cukes in my belly")]
    public void Cukes(int count) => _ = count;
}
