namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class MultipleFeatures
{
    [StepDefinition("an order for {string}")]
    public void Order(string item) => _ = item;
}
