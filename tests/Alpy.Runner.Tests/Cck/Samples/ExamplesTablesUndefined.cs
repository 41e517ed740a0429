namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class ExamplesTablesUndefined
{
    [StepDefinition("there are {int} cucumbers")]
    public void Cucumbers(int count) => _ = count;

    [StepDefinition("I eat {int} cucumbers")]
    public void Eat(int count) => _ = count;

    [StepDefinition("I should have {int} cucumbers")]
    public void ShouldHave(int count) => _ = count;
}
