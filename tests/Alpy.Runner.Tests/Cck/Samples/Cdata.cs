namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Cdata
{
    [StepDefinition("I have {int} <![CDATA[cukes]]> in my belly")]
    public void Cukes(int count) => _ = count;
}
