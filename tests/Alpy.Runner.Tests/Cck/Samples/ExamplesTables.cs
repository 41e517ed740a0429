namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class ExamplesTables
{
    private int count;
    private int friends;

    [StepDefinition("there are {int} cucumbers")]
    public void Cucumbers(int initial) => count = initial;

    [StepDefinition("there are {int} friends")]
    public void Friends(int number) => friends = number;

    [StepDefinition("I eat {int} cucumbers")]
    public void Eat(int eaten) => count -= eaten;

    [StepDefinition("I should have {int} cucumbers")]
    public void ShouldHave(int expected) => CckAssert.StrictEqual(count, expected);

    [StepDefinition("each person can eat {int} cucumbers")]
    public void Share(int expected) => CckAssert.StrictEqual(count / (1 + friends), expected);
}
