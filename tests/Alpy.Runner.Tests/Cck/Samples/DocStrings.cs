namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class DocStrings
{
    [StepDefinition("a doc string:")]
    public void DocString(string text) => _ = text;
}
