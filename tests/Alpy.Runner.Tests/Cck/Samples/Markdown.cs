namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Markdown(IReqnrollOutputHelper output)
{
    [StepDefinition("some TypeScript code:")]
    public void Code(string code) => _ = code;

    [StepDefinition("some classic Gherkin:")]
    public void Gherkin(string gherkin) => _ = gherkin;

    [StepDefinition("we use a data table and attach something and then {word}")]
    public void Table(string outcome, DataTable table)
    {
        _ = table;
        output.WriteLine("We are logging some plain text (" + outcome + ")");
        if (outcome == "fail")
        {
            throw new InvalidOperationException("You asked me to fail");
        }
    }

    [StepDefinition("this might or might not run")]
    public void Maybe()
    {
    }
}
