namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Attachments(IReqnrollOutputHelper output)
{
    [StepDefinition("the string {string} is attached as {string}")]
    public void AttachString(string text, string mediaType) => output.AttachText(text, mediaType);

    [StepDefinition("the string {string} is logged")]
    public void Log(string text) => output.WriteLine(text);

    [StepDefinition("text with ANSI escapes is logged")]
    public void Ansi() => output.WriteLine("This displays a \x1b[31mr\x1b[0m\x1b[91ma\x1b[0m\x1b[33mi\x1b[0m\x1b[32mn\x1b[0m\x1b[34mb\x1b[0m\x1b[95mo\x1b[0m\x1b[35mw\x1b[0m");

    [StepDefinition("the following string is attached as {string}:")]
    public void AttachDocString(string mediaType, string docString) => output.AttachText(docString, mediaType);

    [StepDefinition("an array with {int} bytes is attached as {string}")]
    public void AttachBytes(int count, string mediaType) => output.AddAttachment(Enumerable.Range(0, count).Select(i => (byte)i).ToArray(), mediaType);

    [StepDefinition("a PDF document is attached and renamed")]
    public void AttachPdf() => output.AddAttachment(File.ReadAllBytes(CckAssert.SampleFile("attachments", "document.pdf")), "application/pdf", "renamed.pdf");

    [StepDefinition("a link to {string} is attached")]
    public void AttachLink(string url) => output.AttachLink(url);

    [StepDefinition("the string {string} is attached as {string} before a failure")]
    public void AttachThenFail(string text, string mediaType)
    {
        output.AttachText(text, mediaType);
        throw new InvalidOperationException("whoops");
    }
}
