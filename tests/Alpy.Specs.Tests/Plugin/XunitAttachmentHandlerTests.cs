using Alpy.Specs.Steps.Plugin;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace Alpy.Specs.Tests.Plugin;

/// <summary>
/// Attachments reach the xUnit result. These tests run inside an xUnit v3 test, so TestContext.Current is their own
/// test's context: what a handler attaches shows up in it, as it would in a scenario's.
/// </summary>
public sealed class XunitAttachmentHandlerTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("alpy-specs-attachments-");

    [Fact]
    public void Given_Reqnrolls_own_handler_When_a_file_is_attached_Then_it_only_says_it_did_not_forward_it()
    {
        // Pins the gap: Reqnroll.xunit.v3 registers this base handler, which reaches no test runner.
        var trace = new RecordingTrace();
        var reqnrolls = (ReqnrollAttachmentHandler)Activator.CreateInstance(typeof(ReqnrollAttachmentHandler),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, null, [trace], null)!;

        reqnrolls.AddAttachment(File("links.txt", "== link 0: 2 frame(s)"));

        trace.Lines.Should().ContainSingle().Which.Should().Contain("not forwarded to the test runner");
        (TestContext.Current.Attachments?.Count ?? 0).Should().Be(0);
    }

    [Fact]
    public void Given_the_suites_handler_When_files_are_attached_Then_the_xunit_result_has_them_with_their_media_types_and_unique_names()
    {
        new SuitePlugin().Initialize(new RuntimePluginEvents(), new RuntimePluginParameters(), new UnitTestProviderConfiguration());
        var handler = new XunitAttachmentHandler(new RecordingTrace());

        handler.AddAttachment(File("link0.pcap", "pcap bytes"));
        handler.AddAttachment(File("links.txt", "== link 0: 2 frame(s)"));
        handler.AddAttachment(File("links.txt", "another scenario's", folder: "again"));

        var attachments = TestContext.Current.Attachments!;
        attachments.Keys.Should().BeEquivalentTo(["link0.pcap", "links.txt", "links (2).txt"]);
        var (pcap, pcapType) = attachments["link0.pcap"].AsByteArray();
        pcapType.Should().Be("application/vnd.tcpdump.pcap");
        pcap.Should().Equal(System.Text.Encoding.UTF8.GetBytes("pcap bytes"));
        attachments["links.txt"].AsByteArray().MediaType.Should().Be("text/plain");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string File(string name, string text, string folder = "")
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder.FullName, folder)).FullName, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private sealed class RecordingTrace : ITraceListener
    {
        public List<string> Lines { get; } = [];

        public void WriteTestOutput(string message) => Lines.Add(message);

        public void WriteToolOutput(string message) => Lines.Add(message);
    }
}
