namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class RegularExpression
{
    [StepDefinition("^a (.*?)(?: and a (.*?))?(?: and a (.*?))?$")]
    public void Vegetables(string first, string? second, string? third) => _ = first + second + third;
}
