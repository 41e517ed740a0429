namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Ambiguous
{
    [StepDefinition("^a (.*?) with (.*?)$")]
    public void First(string a, string b) => _ = a + b;

    [StepDefinition("^a step with (.*?)$")]
    public void Second(string a) => _ = a;
}
