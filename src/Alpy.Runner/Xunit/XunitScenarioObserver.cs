using Alpy.Runner.Execution;

namespace Alpy.Runner.Xunit;

/// <summary>Forwards a scenario's output and attachments into its xUnit v3 test result.</summary>
internal sealed class XunitScenarioObserver(ITestContext context) : IScenarioObserver
{
    public void WriteLine(string text) => context.TestOutputHelper?.WriteLine(text);

    public void Attach(string name, byte[] content, string mediaType) => context.AddAttachment(name, content, mediaType);
}
